// The organization chooser of pages that vendor tokens open for one customer at a time (usage,
// allocation); organization tokens never see it, their organization is fixed.

export interface OrganizationPickerProps {
  value: string;
  organizations: readonly { id: string; name: string }[];
  onChange: (organizationId: string) => void;
  testId?: string;
}

export function OrganizationPicker({ value, organizations, onChange, testId }: OrganizationPickerProps) {
  return (
    <label className="picker">
      <span className="picker-label">Organization</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">Choose…</option>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
