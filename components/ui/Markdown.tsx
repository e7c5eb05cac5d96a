import type { ComponentProps } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';

type HeadingTag = 'h3' | 'h4' | 'h5' | 'h6';

/** Markdown sits under the page's h1 and a section h2, so its headings start at h3. */
function demotedHeading(Tag: HeadingTag) {
  return function Heading({ node: _node, ...props }: ComponentProps<'h1'> & ExtraProps) {
    return <Tag {...props} />;
  };
}

const components: Components = {
  h1: demotedHeading('h3'),
  h2: demotedHeading('h4'),
  h3: demotedHeading('h5'),
  h4: demotedHeading('h6'),
  h5: demotedHeading('h6'),
  h6: demotedHeading('h6'),
};

/**
 * User-written Markdown (project guidelines). Raw HTML is dropped and react-markdown's
 * default URL filter removes javascript: links, so the text cannot inject script.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
