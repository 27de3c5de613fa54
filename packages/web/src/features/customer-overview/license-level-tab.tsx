// The License level tab of the license overview: the organization's plan next to every plan and
// what each includes, side by side. The vendor console passes `onChoosePlan` to switch plans here;
// customers are pointed to a change request instead.
import type { LicenseOverview, Plan } from '../../api/organization-types.ts';

export function LicenseLevelTab(props: {
  overview: LicenseOverview;
  onChoosePlan?: ((plan: Plan) => void) | undefined;
  busy?: boolean;
}) {
  const { plan, plans } = props.overview.licenseLevel;
  const current = plans.find((p) => p.plan === plan);
  return (
    <div className="stack" data-testid="overview-license-level">
      <p className="muted" data-testid="current-plan" data-plan={plan}>
        Your organization's plan is <strong>{current?.name ?? plan}</strong>.{' '}
        {props.onChoosePlan
          ? 'Choose another plan to change it; downgrading keeps what exists.'
          : 'Features outside it answer "not included in your plan". To change plans, file a change request.'}
      </p>
      <div className="plan-grid">
        {plans.map((column) => (
          <section
            key={column.plan}
            className={column.current ? 'plan-col plan-col-current' : 'plan-col'}
            data-testid="plan-column"
            data-plan={column.plan}
            data-current={column.current}
          >
            <div className="secret-head">
              <h2 className="card-title">{column.name}</h2>
              {column.current && <span className="badge badge-account">Current plan</span>}
            </div>
            <p className="muted">{column.summary}</p>
            <ul>
              {column.features.map((f) => (
                <li
                  key={f.feature}
                  className={f.included ? undefined : 'plan-feature-off'}
                  title={f.description}
                  data-testid="plan-feature"
                  data-included={f.included}
                >
                  <span aria-hidden="true">{f.included ? '✓ ' : '✕ '}</span>
                  {f.title}
                  <span className="visually-hidden">{f.included ? ' (included)' : ' (not included)'}</span>
                </li>
              ))}
            </ul>
            {props.onChoosePlan && !column.current && (
              <button
                type="button"
                className="button button-ghost button-small section-gap"
                disabled={props.busy}
                onClick={() => props.onChoosePlan?.(column.plan)}
                data-testid="choose-plan"
              >
                Switch to {column.name}
              </button>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
