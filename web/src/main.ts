import { h } from './dom.js';
import {
  LANGUAGES,
  getLanguage,
  initLanguage,
  onLanguageChange,
  pruneBindings,
  setAttr,
  setLanguage,
  setText,
  t,
  text,
  type MessageKey,
} from './i18n.js';
import { notFoundPage } from './pages/not-found.js';
import { registerPage } from './pages/register.js';
import { termsPage } from './pages/terms.js';
import { verifyPage } from './pages/verify.js';
import { matchRoute, routedLink, type Page, type PageName } from './router.js';

const NAVIGATION: readonly { path: string; label: MessageKey; page: PageName }[] = [
  { path: '/', label: 'nav.register', page: 'register' },
  { path: '/verificar', label: 'nav.verify', page: 'verify' },
  { path: '/gestion', label: 'nav.staff', page: 'staff' },
];

/** Loads a page module. The staff page and its CSV parser load only when opened. */
async function loadPage(name: PageName): Promise<Page> {
  switch (name) {
    case 'register':
      return registerPage;
    case 'verify':
      return verifyPage;
    case 'staff':
      return (await import('./pages/staff.js')).staffPage;
    case 'terms':
      return termsPage;
    case 'notFound':
      return notFoundPage;
  }
}

function buildShell(root: HTMLElement) {
  const main = h('main', { id: 'main', tabindex: -1, class: 'container' });
  const navList = h('ul', { class: 'nav-list' });
  const navLinks = new Map<PageName, HTMLAnchorElement>();
  for (const item of NAVIGATION) {
    const link = text('a', item.label, { href: item.path });
    navLinks.set(item.page, link);
    navList.append(h('li', {}, link));
  }
  const nav = h('nav', { class: 'site-nav' }, navList);
  setAttr(nav, 'aria-label', 'nav.label');

  const languageButton = h('button', { type: 'button', class: 'language-toggle' });
  setText(languageButton, 'language.switch');
  setAttr(languageButton, 'aria-label', 'language.switchLabel');
  const updateButtonLanguage = () => {
    const other = LANGUAGES.find((language) => language !== getLanguage()) ?? 'es';
    languageButton.lang = other;
  };
  updateButtonLanguage();
  languageButton.addEventListener('click', () => {
    const other = LANGUAGES.find((language) => language !== getLanguage()) ?? 'es';
    setLanguage(other);
    updateButtonLanguage();
  });

  const brand = h('a', { href: '/', class: 'brand' }, 'Acredita');
  const header = h(
    'header',
    { class: 'site-header' },
    h('div', { class: 'container header-inner' }, brand, nav, languageButton),
  );
  const skipLink = text('a', 'nav.skip', { href: '#main', class: 'skip-link' });
  const footer = h(
    'footer',
    { class: 'site-footer' },
    h('div', { class: 'container footer-inner' }, text('p', 'footer.text'), text('a', 'footer.terms', { href: '/terminos' })),
  );
  root.replaceChildren(skipLink, header, main, footer);

  return { main, navLinks };
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) {
    throw new Error('index.html has no element with id "app"');
  }
  initLanguage();
  const { main, navLinks } = buildShell(root);
  let controller: AbortController | undefined;
  let titleKey: MessageKey = 'app.name';

  const setTitle = (key: MessageKey): void => {
    titleKey = key;
    document.title = `${t(key)} · Acredita`;
  };
  onLanguageChange(() => setTitle(titleKey));

  const show = async (moveFocus: boolean): Promise<void> => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const route = matchRoute(location.pathname);

    for (const [page, link] of navLinks) {
      if (page === route.page) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    }

    const page = await loadPage(route.page);
    if (current.signal.aborted) {
      return;
    }
    main.replaceChildren();
    pruneBindings();
    page.render(main, { signal: current.signal, params: route.params, navigate, setTitle });
    if (moveFocus) {
      // Focus on the new heading announces the page change to screen reader users.
      const heading = main.querySelector('h1');
      (heading ?? main).focus();
    }
  };

  const navigate = (path: string): void => {
    history.pushState(null, '', path);
    window.scrollTo(0, 0);
    void show(true);
  };

  document.addEventListener('click', (event) => {
    const link = routedLink(event);
    if (!link) {
      return;
    }
    event.preventDefault();
    const url = new URL(link.href);
    if (url.pathname + url.search !== location.pathname + location.search) {
      navigate(url.pathname + url.search);
    }
  });
  window.addEventListener('popstate', () => void show(true));
  void show(false);
}

start();
