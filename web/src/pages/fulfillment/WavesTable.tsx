// One page of pick waves; the number opens the wave's pick list.
import type { PickWaveSummary } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { waveHref } from './paths.ts';

export function WavesTable({ waves }: { waves: PickWaveSummary[] }) {
  return (
    <TableWrap label="Pick waves">
      <thead>
        <tr>
          <th scope="col">Wave</th><th scope="col">Location</th><th scope="col">Status</th>
          <th scope="col" className="num">Lines</th><th scope="col" className="num">Picked</th>
          <th scope="col">Created</th><th scope="col">Completed</th>
        </tr>
      </thead>
      <tbody>
        {waves.map((wave) => (
          <tr key={wave.id}>
            <td><Link to={waveHref(wave)} className="strong">Wave {wave.number}</Link></td>
            <td>{wave.location}</td>
            <td><FulfillmentBadge status={wave.status} /></td>
            <td className="num">{wave.lines_count}</td>
            <td className="num nowrap">{wave.units_picked} of {wave.units}</td>
            <td className="nowrap">{formatDateTime(wave.created_at)}</td>
            <td className="nowrap">{formatDateTime(wave.completed_at)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}
