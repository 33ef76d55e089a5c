// Hold rules: new orders that match an active rule are put on hold at intake for a person
// to check. Switch rules off and on, delete them, and set how long declined payments hold.
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { HoldRule, Page } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { humanize } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ListSection } from '../../ui/ListSection.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useConfirmedAction } from '../../ui/useConfirmedAction.ts';
import { CreateHoldRuleForm } from './CreateHoldRuleForm.tsx';
import { PaymentSettingsForm } from './PaymentSettingsForm.tsx';
import { describeRule } from './holdRules.ts';

type RuleAction = { rule: HoldRule; action: 'toggle' | 'delete' };

export function HoldRulesPage() {
  const { can } = useSession();
  const canEdit = can('payments:manage');
  const rules = useApi<Page<HoldRule>>('/v1/settings/hold-rules');
  const act = useConfirmedAction<RuleAction>(({ rule, action }) => (action === 'delete'
    ? api('DELETE', `/v1/settings/hold-rules/${encodeURIComponent(rule.id)}`)
    : api('PATCH', `/v1/settings/hold-rules/${encodeURIComponent(rule.id)}`, { active: !rule.active })), rules.reload);
  const target = act.target;

  return (
    <>
      <PageHeader title="Hold rules" subtitle="Orders that match an active rule wait on hold until someone releases them." />
      {canEdit ? <CreateHoldRuleForm onCreated={rules.reload} /> : null}
      {act.error ? <ProblemMessage error={act.error} onDismiss={act.dismissError} /> : null}
      <ListSection
        title="Rules" tableLabel="Hold rules" resource={rules} loadingLabel="Loading hold rules…" emptyTitle="No hold rules: every order goes straight to fulfillment."
        columns={<><th scope="col">Name</th><th scope="col">Holds when</th><th scope="col">Hold as</th><th scope="col">Status</th>{canEdit ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</>}
        row={(r) => (
          <tr key={r.id}>
            <td className="strong">{r.name}</td>
            <td>{describeRule(r)}</td>
            <td>{humanize(r.hold_type)}</td>
            <td><StatusBadge status={r.active ? 'active' : 'disabled'} label={r.active ? 'Active' : 'Off'} /></td>
            {canEdit ? (
              <td className="actions-cell">
                <div className="button-row">
                  <button type="button" className="button button-small" onClick={() => act.ask({ rule: r, action: 'toggle' })} aria-label={`${r.active ? 'Switch off' : 'Switch on'} ${r.name}`}>{r.active ? 'Switch off' : 'Switch on'}</button>
                  <button type="button" className="button button-small button-danger-outline" onClick={() => act.ask({ rule: r, action: 'delete' })} aria-label={`Delete ${r.name}`}>Delete</button>
                </div>
              </td>
            ) : null}
          </tr>
        )}
      />
      <ConfirmDialog
        open={target !== null} busy={act.busy} onClose={act.cancel} onConfirm={() => void act.confirm()}
        title={target?.action === 'delete' ? 'Delete this rule?' : target?.rule.active ? 'Switch this rule off?' : 'Switch this rule on?'}
        confirmLabel={target?.action === 'delete' ? 'Delete rule' : target?.rule.active ? 'Switch off' : 'Switch on'}
        tone={target?.action === 'delete' ? 'danger' : 'primary'}
      >
        <p>{target ? `“${target.rule.name}”: ${describeRule(target.rule)}.` : null} Orders already on hold stay on hold.</p>
      </ConfirmDialog>
      <PaymentSettingsForm canEdit={canEdit} />
    </>
  );
}
