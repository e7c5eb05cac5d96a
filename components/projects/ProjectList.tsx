import Link from 'next/link';
import type { Role } from '@/lib/generated/prisma/enums';
import { RoleBadge } from './RoleBadge';

interface ProjectListItem {
  id: string;
  name: string;
  description: string;
  role: Role;
}

export function ProjectList({ projects }: { projects: ProjectListItem[] }) {
  return (
    <ul className="card-grid">
      {projects.map((project) => (
        <li key={project.id} className="card project-card">
          <div className="project-card__title">
            <h2>
              <Link href={`/projects/${project.id}`}>{project.name}</Link>
            </h2>
            <RoleBadge role={project.role} context="Your role" />
          </div>
          {project.description ? <p>{project.description}</p> : <p className="muted">No description.</p>}
        </li>
      ))}
    </ul>
  );
}
