// Licenses: issue, read, lifecycle (suspend, reinstate, revoke, renew, amend, convert, transfer),
// signed tokens and offline license files.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { amendLicense } from './amend-license.ts';
import { changeLicenseStatus } from './change-license-status.ts';
import { convertLicense } from './convert-license.ts';
import { getLicense } from './get-license.ts';
import { getLicenseKey } from './get-license-key.ts';
import { getLicenseToken } from './get-license-token.ts';
import { issueLicense } from './issue-license.ts';
import { issueLicenseFile } from './issue-license-file.ts';
import { listLicenses } from './list-licenses.ts';
import { renewLicense } from './renew-license.ts';
import { requestLicenseTransfer } from './request-license-transfer.ts';

export function registerLicenseRoutes(app: App, ctx: AppContext): void {
  issueLicense(app, ctx);
  listLicenses(app, ctx);
  getLicense(app, ctx);
  getLicenseKey(app, ctx);
  getLicenseToken(app, ctx);
  changeLicenseStatus(app, ctx);
  renewLicense(app, ctx);
  amendLicense(app, ctx);
  convertLicense(app, ctx);
  requestLicenseTransfer(app, ctx);
  issueLicenseFile(app, ctx);
}
