export { UserRegistrationModel } from './registration.model';
export { RegistrationService } from './registration.service';
export { registrationRoutes } from './registration.routes';
