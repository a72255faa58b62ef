// A score as its parts in words: each part named (by the page's `label`), its points and the reason the
// rule gave for them. Shared by the needs pool (priority parts) and expert matching (score parts).
import { useT } from '../i18n';

export function ScoreParts({ parts, label }: { parts: readonly { name: string; points: number; reason: string }[]; label: (name: string) => string }) {
  const { number } = useT();
  return (
    <ul className="parts">
      {parts.map((p) => (
        <li key={p.name}>
          {label(p.name)}: {number(p.points)} <span className="muted">({p.reason})</span>
        </li>
      ))}
    </ul>
  );
}
