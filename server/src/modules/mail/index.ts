export { MailService, sendEmailJob, emailEnabled, type Email } from './mail.service';
export { VerificationTokens } from './verification-tokens';
export { AccountEmailService } from './account-emails.service';
export { mailRoutes } from './mail.routes';
