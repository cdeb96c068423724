import { h } from '../dom.js';
import { text } from '../i18n.js';
import type { Page } from '../router.js';

export const notFoundPage: Page = {
  render(main, context) {
    context.setTitle('notFound.title');
    main.append(
      text('h1', 'notFound.title', { tabindex: '-1' }),
      text('p', 'notFound.body'),
      h('p', {}, text('a', 'notFound.home', { href: '/' })),
    );
  },
};
