import { h } from '../dom.js';
import { text, type MessageKey } from '../i18n.js';
import type { Page } from '../router.js';

/** Sections of the terms, each a heading and a paragraph. */
const SECTIONS: readonly { title: MessageKey; body: MessageKey }[] = [
  { title: 'terms.data.title', body: 'terms.data.body' },
  { title: 'terms.certificates.title', body: 'terms.certificates.body' },
  { title: 'terms.staff.title', body: 'terms.staff.body' },
  { title: 'terms.rights.title', body: 'terms.rights.body' },
];

export const termsPage: Page = {
  render(main, context) {
    context.setTitle('terms.title');
    main.append(
      text('h1', 'terms.title', { tabindex: '-1' }),
      text('p', 'terms.intro', { class: 'lead' }),
      ...SECTIONS.map((section) =>
        h('section', { class: 'terms-section' }, text('h2', section.title), text('p', section.body)),
      ),
      h('p', {}, text('a', 'terms.back', { href: '/' })),
    );
  },
};
