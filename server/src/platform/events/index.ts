export { DomainEvents, type DomainEventMap, type DomainEventName } from './domain-events';
