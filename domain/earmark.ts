// R4 and the donor's side of it: a pledge earmarked to a priority area must go to a project that works
// in that area, or the earmark means nothing. Pure; used by the lifecycle's pledge validator.

/**
 * Why an earmark does not fit the project, or null when it does (or there is no earmark).
 * `projectAreas` are the priority areas of the project's needs.
 */
export function earmarkRefusal(earmark: string | null | undefined, projectAreas: readonly string[]): string | null {
  if (!earmark) return null;
  const areas = [...new Set(projectAreas)].sort();
  if (areas.includes(earmark)) return null;
  return areas.length
    ? `the earmark ${earmark} does not fit this project, whose needs are in ${areas.join(', ')}; earmark to one of these or pledge unearmarked`
    : `the earmark ${earmark} does not fit this project, which has no needs in any priority area; pledge unearmarked`;
}
