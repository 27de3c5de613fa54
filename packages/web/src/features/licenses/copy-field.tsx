// A secret-looking value (a license key, a signed token) in a dark box with a copy button; the
// text stays selectable when the browser refuses clipboard access.
import { useState } from 'react';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // Clipboard access needs a secure context or permission.
  }
}

export function CopyField(props: { label: string; value: string; testId: string; wrap?: boolean }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="copy-field">
      <span className="picker-label">{props.label}</span>
      <div className="secret-box">
        <code className={props.wrap ? 'code-wrap' : undefined} data-testid={props.testId}>
          {props.value}
        </code>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => void copyText(props.value).then((ok) => setCopied(ok ? 'copied' : 'failed'))}
          data-testid={`copy-${props.testId}`}
        >
          {copied === 'copied' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' && (
        <p className="fine-print">The browser refused clipboard access; select and copy by hand.</p>
      )}
    </div>
  );
}
