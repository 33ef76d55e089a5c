// Box sizes the packing bench chooses from: add them, change them, retire them.
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Box, Page } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatCount } from '../../format.ts';
import { ListSection } from '../../ui/ListSection.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { BoxForm } from './BoxForm.tsx';

export function BoxesPage() {
  const { can } = useSession();
  const canEdit = can('fulfillment:write');
  const boxes = useApi<Page<Box>>('/v1/boxes');
  const [editing, setEditing] = useState<Box | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Leaving the edit form hands the focus back to the row's Edit button, where it came from.
  const closeEdit = (code: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[data-box="${CSS.escape(code)}"]`)?.focus());
  };

  return (
    <>
      <PageHeader title="Boxes" subtitle="The packing bench suggests the smallest box in use that fits an order's items." />
      {canEdit && !editing ? <BoxForm onSaved={() => boxes.reload()} /> : null}
      {editing ? (
        <BoxForm key={editing.code} box={editing} onCancel={() => closeEdit(editing.code)}
          onSaved={(b) => { closeEdit(b.code); setNotice(`Box ${b.code} saved.`); boxes.reload(); }} />
      ) : null}
      {notice ? <p className="notice notice-success" role="status">{notice}</p> : null}
      <ListSection
        title="Sizes" tableLabel="Boxes" resource={boxes} loadingLabel="Loading boxes…" emptyTitle="No boxes yet: packers type each parcel's size."
        columns={<><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Inside (mm)</th><th scope="col" className="num">Holds (g)</th><th scope="col" className="num">Empty (g)</th><th scope="col">Status</th>{canEdit ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</>}
        row={(b) => (
          <tr key={b.code}>
            <td className="mono">{b.code}</td>
            <td>{b.name}</td>
            <td className="nowrap">{b.length_mm} × {b.width_mm} × {b.height_mm}</td>
            <td className="num">{formatCount(b.max_weight_g)}</td>
            <td className="num">{formatCount(b.tare_weight_g)}</td>
            <td><StatusBadge status={b.active ? 'active' : 'disabled'} label={b.active ? 'In use' : 'Retired'} /></td>
            {canEdit ? <td className="actions-cell"><button type="button" className="button button-small" data-box={b.code} onClick={() => { setNotice(null); setEditing(b); }} aria-label={`Edit box ${b.code}`}>Edit</button></td> : null}
          </tr>
        )}
      />
    </>
  );
}
