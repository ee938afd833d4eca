import assert from 'node:assert/strict';
import { apActivityBase } from '@shoal/models';
import { originViolation } from './origin-checks';

const parse = (a: object) => apActivityBase.parse(a);
const actor = 'https://a.example/accounts/ana';

describe('originViolation', () => {
  it('accepts a Create of an object on the actor host', () => {
    const a = parse({
      type: 'Create',
      id: `${actor}/c/1`,
      actor,
      object: { type: 'Note', id: 'https://a.example/n/1', attributedTo: actor },
    });
    assert.equal(originViolation(a), null);
  });

  it('refuses a Create of an object of another host', () => {
    const a = parse({ type: 'Create', id: `${actor}/c/1`, actor, object: { type: 'Video', id: 'https://b.example/v/1' } });
    assert.match(originViolation(a)!, /own host/);
  });

  it('refuses an activity id on another host', () => {
    const a = parse({ type: 'Like', id: 'https://b.example/likes/1', actor, object: 'https://b.example/v/1' });
    assert.match(originViolation(a)!, /activity id/);
  });

  it('refuses a Delete of a foreign object and an Undo of another actor activity', () => {
    assert.ok(originViolation(parse({ type: 'Delete', id: `${actor}/d`, actor, object: 'https://b.example/v/1' })));
    const undo = {
      type: 'Undo',
      id: `${actor}/u`,
      actor,
      object: { type: 'Follow', actor: 'https://a.example/accounts/bob', object: 'x' },
    };
    assert.ok(originViolation(parse(undo)));
  });

  it('refuses an actor update of somebody else', () => {
    const a = parse({ type: 'Update', id: `${actor}/up`, actor, object: { type: 'Person', id: 'https://a.example/accounts/bob' } });
    assert.match(originViolation(a)!, /itself/);
  });
});
