// Save text the console fetched (a CSV export) as a file, through a temporary object URL and a
// download link. The download starts after the click returns, so the URL is revoked a while later
// rather than at once (as FileSaver.js does: a browser may still be reading the blob); the link is
// attached while clicked, since some browsers ignore clicks on detached links.
const REVOKE_AFTER_MS = 10_000;

export function downloadFile(name: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
