/**
 * The URL of one of the entity page's tabs, from the page's own URL (the
 * overview cards sit on the entity's root, `/catalog/:namespace/:kind/:name`).
 */
export function entityTabLink(pathname: string, tab: string): string {
  const match = pathname.match(/^(.*\/catalog\/[^/]+\/[^/]+\/[^/]+)/);
  return match ? `${match[1]}/${tab}` : tab;
}
