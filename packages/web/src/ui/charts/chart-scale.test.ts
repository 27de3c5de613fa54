// Axis arithmetic of the SVG charts: round maxima, ticks, label thinning and unit formatting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clip, labelStride, niceMax, ticks, withUnit } from './chart-scale.ts';

describe('chart scale', () => {
  const maxima: [number, number][] = [
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
    [1, 1],
    [3, 3],
    [4.2, 5],
    [6, 10],
    [37, 40],
    [100, 100],
    [101, 200],
    [0.3, 1],
    [2.2, 3],
    [12, 20],
    [230, 250],
  ];
  for (const [value, expected] of maxima)
    it(`rounds ${value} up to ${expected}`, () => assert.equal(niceMax(value), expected));

  it('spaces ticks evenly from 0 to the maximum', () => {
    assert.deepEqual(ticks(40, 4), [0, 10, 20, 30, 40]);
    assert.deepEqual(ticks(2.5, 4), [0, 0.63, 1.25, 1.88, 2.5]);
  });

  it('ticks whole numbers up to 5 one by one, so counts never show fractions', () => {
    assert.deepEqual(ticks(1), [0, 1]);
    assert.deepEqual(ticks(3), [0, 1, 2, 3]);
    assert.deepEqual(ticks(5), [0, 1, 2, 3, 4, 5]);
  });

  it('prints at most the room available of the labels', () => {
    assert.equal(labelStride(24, 12), 2);
    assert.equal(labelStride(5, 12), 1);
    assert.equal(labelStride(0, 0), 1);
  });

  it('clips long labels and formats values with their unit', () => {
    assert.equal(clip('engineering-department', 8), 'enginee…');
    assert.equal(clip('eng', 8), 'eng');
    assert.equal(withUnit(3, 'seats'), '3 seats');
    assert.equal(withUnit(42.5, '%'), '42.5 %');
    assert.equal(withUnit(1 / 3, ''), '0.33');
  });
});
