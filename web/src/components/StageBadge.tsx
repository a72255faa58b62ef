import { useT } from '../i18n';

export function StageBadge({ stage }: { stage: string }) {
  const { code } = useT();
  return <span className={`stage stage-${stage.toLowerCase()}`}>{code('stage', stage)}</span>;
}
