// A project's timeline drawn as one: each event a dot at its time on the stage it left the project in,
// joined as a step line; the list below says the same in words.
import { useCallback } from 'react';
import { STAGES } from '../../../domain/stages';
import { useT } from '../i18n';
import { Chart } from './Chart';

export interface TimelineEntry {
  seq: number;
  kind: string;
  action: string;
  fromStage: string | null;
  toStage: string;
  at: string;
  actor: { role: string; state: string | null };
}

export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, code, dateTime } = useT();
  const draw = useCallback(
    (Plot: typeof import('@observablehq/plot')) => {
      const points = entries.map((e) => ({ at: new Date(e.at), stage: code('stage', e.toStage), kind: e.kind, label: `${dateTime(e.at)} · ${code('action', e.action)}` }));
      const present = STAGES.filter((s) => entries.some((e) => e.toStage === s)).map((s) => code('stage', s));
      return Plot.plot({
        marginLeft: 190,
        height: 50 + present.length * 34,
        width: 760,
        x: { type: 'time', label: null, grid: true },
        y: { domain: present, label: null },
        color: { domain: ['FILED', 'TRANSITION', 'RECORDED', 'ABSORBED', 'REMINDER', 'ESCALATION'], range: ['#1d4ed8', '#047857', '#6b7280', '#7c3aed', '#b45309', '#b91c1c'] },
        marks: [
          Plot.line(points, { x: 'at', y: 'stage', curve: 'step-after', stroke: '#94a3b8' }),
          Plot.dot(points, { x: 'at', y: 'stage', fill: 'kind', r: 6, title: 'label' }),
        ],
      });
    },
    [entries, code, dateTime],
  );
  return (
    <>
      <Chart label={t('project.timelineChart')} draw={draw} />
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.seq} className={`kind-${e.kind.toLowerCase()}`}>
            <span className="kind">{code('timeline.kind', e.kind)}</span> {t('project.timelineEntry', { date: dateTime(e.at), action: code('action', e.action), role: code('role', e.actor.role) })}
            {e.fromStage && e.fromStage !== e.toStage && <> — {t('project.timelineStage', { from: code('stage', e.fromStage), to: code('stage', e.toStage) })}</>}
          </li>
        ))}
      </ol>
    </>
  );
}
