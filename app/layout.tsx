import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { currentViewer } from '@/lib/next/viewer';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Glossa', template: '%s · Glossa' },
  description: 'Annotation and stance-labeling workbench',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader viewer={viewer} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
