/**
 * docs/*.md to HTML with markdown-it, as GitHub shows it: links to another lesson become the site's
 * own pages, links to repository files go to the repository when the site is built with
 * VITE_REPO_URL (otherwise they show the path), and headings get ids for in-page links.
 */
import MarkdownIt from 'markdown-it';

export interface RenderOptions {
  /** The page being rendered, for `#section` links. */
  lessonId: string;
  /** Lesson ids that have a page. */
  lessonIds: readonly string[];
  /** e.g. `https://github.com/owner/repo/blob/main/` */
  repoUrl?: string;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Where a link in docs/<lessonId>.md points on the site (undefined: not a link here). */
export function siteHref(href: string, options: RenderOptions): string | undefined {
  if (/^[a-z]+:/i.test(href)) return href;
  const [target, hash = ''] = href.split('#');
  if (target === '') return `#/${options.lessonId}/${hash}`;
  const doc = /(?:^|\/)([\w.-]+)\.md$/.exec(target)?.[1];
  const fromDocs = !target.startsWith('../') && !target.includes('/');
  if (
    doc !== undefined &&
    options.lessonIds.includes(doc) &&
    (fromDocs || /(^|\/)docs\//.test(target))
  )
    return `#/${doc}/${hash}`;
  if (options.repoUrl === undefined) return undefined;
  // Paths in docs/ are relative to docs/; the repository's root is one level up.
  const path = new URL(target, 'https://repo.invalid/docs/').pathname.slice(1);
  return options.repoUrl + path + (hash ? `#${hash}` : '');
}

export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.renderer.rules.link_open = (tokens, i, opts, _env, self) => {
    const token = tokens[i];
    const href = siteHref(String(token.attrGet('href') ?? ''), options);
    if (href === undefined) {
      token.attrs = [['class', 'repo-path']];
      token.tag = 'span';
    } else token.attrSet('href', href);
    return self.renderToken(tokens, i, opts);
  };
  md.renderer.rules.link_close = (tokens, i, opts, _env, self) => {
    const open = tokens
      .slice(0, i)
      .reverse()
      .find((t) => t.type === 'link_open');
    tokens[i].tag = open?.tag ?? 'a';
    return self.renderToken(tokens, i, opts);
  };
  md.renderer.rules.heading_open = (tokens, i, opts, _env, self) => {
    const text = tokens[i + 1].children?.map((c) => c.content).join('') ?? '';
    tokens[i].attrSet('id', slug(text));
    return self.renderToken(tokens, i, opts);
  };
  return md.render(markdown);
}
