import type { Routes } from '@angular/router';
import { UserRight } from '@shoal/models';
import { loggedInGuard, rightGuard } from './core/guards';

/** PeerTube's URL scheme; every page is its own lazy chunk so the first load stays small. */
export const routes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./pages/home/home.page').then((m) => m.HomePage), title: 'Home' },
  { path: 'videos/browse', redirectTo: '' },
  { path: 'videos/trending', redirectTo: '' },
  { path: 'w/:id', loadComponent: () => import('./pages/watch/watch.page').then((m) => m.WatchPage) },
  { path: 'videos/watch/:id', loadComponent: () => import('./pages/watch/watch.page').then((m) => m.WatchPage) },
  { path: 'videos/embed/:id', loadComponent: () => import('./pages/embed/embed.page').then((m) => m.EmbedPage), data: { bare: true } },
  {
    path: 'videos/upload',
    canActivate: [loggedInGuard],
    loadComponent: () => import('./pages/upload/upload.page').then((m) => m.UploadPage),
    title: 'Upload a video',
  },
  { path: 'search', loadComponent: () => import('./pages/search/search.page').then((m) => m.SearchPage), title: 'Search' },
  { path: 'c/:handle', loadComponent: () => import('./pages/channel/channel.page').then((m) => m.ChannelPage) },
  { path: 'c/:handle/videos', loadComponent: () => import('./pages/channel/channel.page').then((m) => m.ChannelPage) },
  { path: 'a/:handle', loadComponent: () => import('./pages/account/account.page').then((m) => m.AccountPage) },
  { path: 'a/:handle/videos', loadComponent: () => import('./pages/account/account.page').then((m) => m.AccountPage) },
  { path: 'login', loadComponent: () => import('./pages/login/login.page').then((m) => m.LoginPage), title: 'Log in' },
  { path: 'signup', loadComponent: () => import('./pages/signup/signup.page').then((m) => m.SignupPage), title: 'Create an account' },
  { path: 'my-library', pathMatch: 'full', redirectTo: 'my-library/videos' },
  {
    path: 'my-library/videos',
    canActivate: [loggedInGuard],
    loadComponent: () => import('./pages/my-videos/my-videos.page').then((m) => m.MyVideosPage),
    title: 'My videos',
  },
  {
    path: 'my-library/videos/:id/edit',
    canActivate: [loggedInGuard],
    loadComponent: () => import('./pages/video-edit/video-edit.page').then((m) => m.VideoEditPage),
    title: 'Edit video',
  },
  {
    path: 'my-library/comments',
    canActivate: [loggedInGuard],
    loadComponent: () => import('./pages/my-comments/my-comments.page').then((m) => m.MyCommentsPage),
    title: 'Comments on my videos',
  },
  {
    path: 'my-library/watched-words',
    canActivate: [loggedInGuard],
    loadComponent: () => import('./pages/my-watched-words/my-watched-words.page').then((m) => m.MyWatchedWordsPage),
    title: 'My watched words',
  },
  {
    path: 'my-account/abuses',
    canActivate: [loggedInGuard],
    loadComponent: () => import('./pages/my-abuses/my-abuses.page').then((m) => m.MyAbusesPage),
    title: 'My reports',
  },
  { path: 'admin', pathMatch: 'full', redirectTo: 'admin/users' },
  { path: 'admin/moderation', pathMatch: 'full', redirectTo: 'admin/moderation/reports' },
  {
    path: 'admin/moderation/reports',
    canActivate: [rightGuard(UserRight.MANAGE_ABUSES)],
    loadComponent: () => import('./pages/admin-moderation/reports.page').then((m) => m.ReportsPage),
    title: 'Reports',
  },
  {
    path: 'admin/moderation/comments',
    canActivate: [rightGuard(UserRight.SEE_ALL_COMMENTS)],
    loadComponent: () => import('./pages/admin-moderation/moderation-comments.page').then((m) => m.ModerationCommentsPage),
    title: 'Comments',
  },
  {
    path: 'admin/moderation/blocked-videos',
    canActivate: [rightGuard(UserRight.MANAGE_VIDEO_BLACKLIST)],
    loadComponent: () => import('./pages/admin-moderation/blocked-videos.page').then((m) => m.BlockedVideosPage),
    title: 'Blocked videos',
  },
  {
    path: 'admin/moderation/watched-words',
    canActivate: [rightGuard(UserRight.MANAGE_INSTANCE_WATCHED_WORDS)],
    loadComponent: () => import('./pages/admin-moderation/watched-words.page').then((m) => m.WatchedWordsPage),
    title: 'Watched words',
  },
  {
    path: 'admin/moderation/registrations',
    canActivate: [rightGuard(UserRight.MANAGE_REGISTRATIONS)],
    loadComponent: () => import('./pages/admin-moderation/registrations.page').then((m) => m.RegistrationsPage),
    title: 'Registration requests',
  },
  {
    path: 'admin/users',
    canActivate: [rightGuard(UserRight.MANAGE_USERS)],
    loadComponent: () => import('./pages/admin-users/admin-users.page').then((m) => m.AdminUsersPage),
    title: 'Users',
  },
  { path: '**', loadComponent: () => import('./pages/not-found/not-found.page').then((m) => m.NotFoundPage), title: 'Not found' },
];
