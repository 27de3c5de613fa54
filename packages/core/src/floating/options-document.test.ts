// The options document: pool settings resolve against the license, import keeps them, export leaves them out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportOptionsFile } from './flexnet-options-export.ts';
import { parseOptionsFile } from './flexnet-options-file.ts';
import {
  emptyOptionsDocument,
  featureOptionsOf,
  importOptionsFile,
  optionsFileOf,
  poolConfigOf,
} from './options-document.ts';

const terms = { seats: 10, heartbeatIntervalSeconds: 300, maxBorrowHours: 72 };

describe('options document', () => {
  it('takes seats and heartbeat from the license unless the feature overrides them', () => {
    const doc = emptyOptionsDocument();
    assert.equal(poolConfigOf(terms, doc, 'cad').seats, 10);
    assert.equal(poolConfigOf(terms, doc, 'cad').heartbeatIntervalSeconds, 300);
    doc.features.cad = {
      reserve: [],
      max: [],
      include: [],
      exclude: [],
      seats: 4,
      heartbeatIntervalSeconds: 1,
    };
    assert.equal(poolConfigOf(terms, doc, 'cad').seats, 4);
    assert.equal(poolConfigOf(terms, doc, 'cad').heartbeatIntervalSeconds, 1);
    assert.equal(
      poolConfigOf({ ...terms, heartbeatIntervalSeconds: null }, doc, 'cam').heartbeatIntervalSeconds,
      60,
    );
  });

  it('never gives a feature more seats than the license has', () => {
    const doc = emptyOptionsDocument();
    doc.features.cad = { reserve: [], max: [], include: [], exclude: [], seats: 50 };
    assert.equal(poolConfigOf(terms, doc, 'cad').seats, 10);
  });

  it('applies the stricter of the policy and option borrow limits', () => {
    const doc = importOptionsFile(emptyOptionsDocument(), 'MAX_BORROW_HOURS cad 200').options;
    assert.equal(featureOptionsOf(terms, doc, 'cad').maxBorrowHours, 72);
    const strict = importOptionsFile(emptyOptionsDocument(), 'MAX_BORROW_HOURS cad 8').options;
    assert.equal(featureOptionsOf(terms, strict, 'cad').maxBorrowHours, 8);
  });

  it('import replaces rules but keeps pool settings; export round-trips the rules', () => {
    const doc = emptyOptionsDocument();
    doc.features.cad = {
      reserve: [],
      max: [{ count: 9, subject: { kind: 'USER', name: 'x' } }],
      include: [],
      exclude: [],
      seats: 3,
    };
    const text = 'GROUP eng alice bob\nRESERVE 1 cad USER alice\nMAX 2 cad GROUP eng\nTIMEOUT cad 900\n';
    const { options, unsupported } = importOptionsFile(doc, text);
    assert.deepEqual(unsupported, []);
    assert.equal(options.features.cad?.seats, 3);
    assert.deepEqual(options.features.cad?.max, [{ count: 2, subject: { kind: 'GROUP', name: 'eng' } }]);
    const exported = exportOptionsFile(optionsFileOf(options));
    assert.deepEqual(parseOptionsFile(exported).options, parseOptionsFile(text).options);
  });
});
