// The app's sections, in navigation order. A feature adds its page here.
import type { ComponentType } from 'react';
import { CatalogsPage } from './CatalogsPage';
import { DocumentsPage } from './DocumentsPage';
import { EducationPage } from './EducationPage';
import { LogPage } from './LogPage';
import { PlanPage } from './PlanPage';
import { ProgressPage } from './ProgressPage';
import { SettingsPage } from './SettingsPage';
import { SignOffPage } from './SignOffPage';
import { SitesPage } from './SitesPage';
import { TodayPage } from './TodayPage';

export interface Section {
  id: string;
  label: string;
  component: ComponentType;
  /** Reachable by link (#/id) but not listed in the navigation. */
  hidden?: boolean;
}

export const SECTIONS: Section[] = [
  { id: 'today', label: 'Today', component: TodayPage },
  { id: 'log', label: 'Log', component: LogPage },
  { id: 'progress', label: 'Progress', component: ProgressPage },
  { id: 'plan', label: 'Plan', component: PlanPage },
  { id: 'catalogs', label: 'Requirements', component: CatalogsPage },
  { id: 'education', label: 'Education', component: EducationPage },
  { id: 'sites', label: 'Sites', component: SitesPage },
  { id: 'signoff', label: 'Sign-off', component: SignOffPage },
  { id: 'documents', label: 'Documents', component: DocumentsPage },
  { id: 'settings', label: 'Settings', component: SettingsPage },
];
