// The error banner of the portal pages: the API's problem+json detail, with the three answers a
// customer must act on spelled out — a feature outside the plan, a privilege the caller lacks (with
// the supervisors to ask) and a license change only the vendor makes (with the way to ask for it).
import { ApiError } from '../../api/api-error.ts';
import { ErrorBanner } from '../../ui/feedback.tsx';

interface NamedPerson {
  id?: string;
  name: string;
  email: string;
}

const PLAN_NAMES: Record<string, string> = {
  STANDARD: 'Standard',
  PROFESSIONAL: 'Professional',
  ENTERPRISE: 'Enterprise',
};

function supervisorsOf(error: ApiError): NamedPerson[] {
  const list = error.problem.supervisors;
  return Array.isArray(list) ? (list as NamedPerson[]) : [];
}

export function ProblemBanner(props: { error: unknown; testId?: string }) {
  const { error } = props;
  if (!error) return null;
  if (!(error instanceof ApiError)) return <ErrorBanner error={error} testId={props.testId} />;
  const common = {
    className: 'alert alert-error',
    role: 'alert',
    'data-testid': props.testId ?? 'error-banner',
    'data-code': error.code,
  };
  if (error.code === 'NOT_INCLUDED_IN_PLAN') {
    const includedIn = Array.isArray(error.problem.includedIn) ? (error.problem.includedIn as string[]) : [];
    return (
      <div {...common}>
        <strong>Not included in your plan.</strong> {error.detail}
        {includedIn.length > 0 && (
          <div className="fine-print" data-testid="included-in">
            Available with: {includedIn.map((plan) => PLAN_NAMES[plan] ?? plan).join(', ')}. See the License
            level tab of the license overview.
          </div>
        )}
      </div>
    );
  }
  if (error.code === 'PRIVILEGE_REQUIRED') {
    const supervisors = supervisorsOf(error);
    return (
      <div {...common}>
        <strong>You need another privilege.</strong> {error.detail}
        {supervisors.length > 0 && (
          <ul className="problem-list" data-testid="problem-supervisors">
            {supervisors.map((s) => (
              <li key={s.id ?? s.email}>
                {s.name} — <a href={`mailto:${s.email}`}>{s.email}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (error.code === 'CONTACT_ACCOUNT_MANAGER') {
    return (
      <div {...common}>
        <strong>Contact your account manager.</strong> {error.detail}{' '}
        <a href="#/change-requests/new">File a change request</a>
      </div>
    );
  }
  return <ErrorBanner error={error} testId={props.testId} />;
}
