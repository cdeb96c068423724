import type { MessageKey } from './i18n.js';

/** Services and parameters that the router passes to a page. */
export interface PageContext {
  /** Aborted when the reader leaves the page, to cancel its requests. */
  readonly signal: AbortSignal;
  /** Path segments captured by the route, already URI-decoded. */
  readonly params: readonly string[];
  navigate(path: string): void;
  setTitle(key: MessageKey): void;
}

export interface Page {
  render(main: HTMLElement, context: PageContext): void;
}

export type PageName = 'register' | 'verify' | 'staff' | 'terms' | 'notFound';

export interface Route {
  page: PageName;
  params: string[];
}

const ROUTES: readonly { pattern: RegExp; page: PageName }[] = [
  { pattern: /^\/$/, page: 'register' },
  { pattern: /^\/verificar$/, page: 'verify' },
  { pattern: /^\/verificar\/([^/]+)$/, page: 'verify' },
  { pattern: /^\/gestion$/, page: 'staff' },
  { pattern: /^\/terminos$/, page: 'terms' },
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Finds the page for a path; a trailing slash is ignored. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) {
      return { page: route.page, params: match.slice(1).map(decodeSegment) };
    }
  }

  return { page: 'notFound', params: [] };
}

/**
 * Tells whether a click on a link should be handled by the router: a plain
 * primary click on a same-origin link that leaves the page's path.
 */
export function routedLink(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.defaultPrevented || event.button !== 0) {
    return undefined;
  }
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return undefined;
  }
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  if (!target || target.target || target.hasAttribute('download')) {
    return undefined;
  }
  const url = new URL(target.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) {
    return undefined;
  }
  const samePage = url.pathname === location.pathname && url.search === location.search;

  return samePage && url.hash !== '' ? undefined : target;
}
