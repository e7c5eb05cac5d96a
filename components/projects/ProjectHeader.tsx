import Link from 'next/link';
import { can } from '@/lib/access/policy';
import type { Role } from '@/lib/generated/prisma/enums';
import { RoleBadge } from './RoleBadge';

export type ProjectSection = 'overview' | 'search' | 'import' | 'schema' | 'members' | 'settings' | 'progress' | 'agreement' | 'review' | 'export';

interface ProjectHeaderProps {
  project: { id: string; name: string };
  role: Role;
  current: ProjectSection;
}

/** The project's name and its section tabs; tabs the role cannot use are not offered. */
export function ProjectHeader({ project, role, current }: ProjectHeaderProps) {
  const base = `/projects/${project.id}`;
  const tabs: { section: ProjectSection; href: string; label: string; visible: boolean }[] = [
    { section: 'overview', href: base, label: 'Overview', visible: true },
    { section: 'search', href: `${base}/search`, label: 'Search', visible: can(role, 'documents:read') },
    { section: 'import', href: `${base}/import`, label: 'Import', visible: can(role, 'documents:write') },
    { section: 'schema', href: `${base}/schema`, label: 'Schema', visible: can(role, 'schema:read') },
    { section: 'members', href: `${base}/members`, label: 'Members', visible: can(role, 'members:read') },
    { section: 'progress', href: `${base}/progress`, label: 'Progress', visible: can(role, 'agreement:read') },
    { section: 'agreement', href: `${base}/agreement`, label: 'Agreement', visible: can(role, 'agreement:read') },
    { section: 'review', href: `${base}/review`, label: 'Review', visible: can(role, 'work:read-others') },
    { section: 'export', href: `${base}/export`, label: 'Export', visible: can(role, 'export') },
    { section: 'settings', href: `${base}/settings`, label: 'Settings', visible: can(role, 'project:update') },
  ];
  return (
    <div className="project-header">
      <p className="breadcrumb">
        <Link href="/">Projects</Link>
      </p>
      <div className="project-header__title">
        <h1>{project.name}</h1>
        <RoleBadge role={role} context="Your role" />
      </div>
      <nav aria-label="Project sections">
        <ul className="tabs">
          {tabs
            .filter((tab) => tab.visible)
            .map((tab) => (
              <li key={tab.section}>
                <Link href={tab.href} className="tabs__link" aria-current={tab.section === current ? 'page' : undefined}>
                  {tab.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </div>
  );
}
