import type { AnnounceMessage } from './tracker-messages';

/**
 * One connected player as the swarms see it: its WebSocket, reduced to what signalling
 * needs. p2p-media-loader shares one socket between its streams (renditions, audio) and
 * uses another peer id in each swarm, so the id is kept per info-hash.
 */
export interface SwarmPeer {
  /** info-hash → the peer id this socket uses in that swarm. */
  readonly peerIds: Map<string, string>;
  send(message: object): void;
}

export function swarmPeer(send: (message: object) => void): SwarmPeer {
  return { peerIds: new Map(), send };
}

export interface TrackerSwarmsOptions {
  /** Seconds between announces the players are asked to keep. */
  announceInterval: number;
  /** Peers handed to one announcer at most (one offer each). */
  maxOffersRelayed: number;
  random?: () => number;
}

/**
 * The signalling state of the tracker: per info-hash, which peers are present. An announce
 * joins (or leaves) a swarm and its WebRTC offers are relayed to random other members; an
 * answer goes to the one peer that made the offer. No media ever goes through the server.
 */
export class TrackerSwarms {
  private readonly swarms = new Map<string, Map<string, SwarmPeer>>();
  private readonly random: () => number;

  constructor(private readonly options: TrackerSwarmsOptions) {
    this.random = options.random ?? Math.random;
  }

  announce(peer: SwarmPeer, message: AnnounceMessage): void {
    const infoHash = message.info_hash;
    const holder = this.swarms.get(infoHash)?.get(message.peer_id);
    if (holder && holder !== peer) {
      // Another open connection owns this id: taking it over would divert its signalling.
      peer.send({ action: 'announce', info_hash: infoHash, 'failure reason': 'peer_id already in use' });
      return;
    }
    if (message.answer) {
      this.relayAnswer(message);
      return;
    }
    if (message.event === 'stopped') {
      if (peer.peerIds.get(infoHash) === message.peer_id) this.leave(peer, infoHash);
      return;
    }
    const swarm = this.join(peer, infoHash, message.peer_id);
    const complete = message.event === 'completed' ? 1 : 0;
    peer.send({
      action: 'announce',
      info_hash: infoHash,
      interval: this.options.announceInterval,
      complete,
      incomplete: swarm.size - complete,
    });
    this.relayOffers(peer, swarm, message);
  }

  /** `{ files: { <info_hash>: { complete, incomplete, downloaded } } }` for the asked swarms. */
  scrape(infoHashes: string[]): object {
    const files: Record<string, { complete: number; incomplete: number; downloaded: number }> = {};
    for (const hash of infoHashes) files[hash] = { complete: 0, incomplete: this.swarms.get(hash)?.size ?? 0, downloaded: 0 };
    return { action: 'scrape', files };
  }

  leave(peer: SwarmPeer, infoHash: string): void {
    const peerId = peer.peerIds.get(infoHash);
    peer.peerIds.delete(infoHash);
    const swarm = this.swarms.get(infoHash);
    if (!swarm || peerId === undefined || swarm.get(peerId) !== peer) return;
    swarm.delete(peerId);
    if (swarm.size === 0) this.swarms.delete(infoHash);
  }

  /** A closed socket leaves every swarm it was in. */
  leaveAll(peer: SwarmPeer): void {
    for (const hash of [...peer.peerIds.keys()]) this.leave(peer, hash);
  }

  stats(): { swarms: number; peers: number } {
    let peers = 0;
    for (const swarm of this.swarms.values()) peers += swarm.size;
    return { swarms: this.swarms.size, peers };
  }

  private join(peer: SwarmPeer, infoHash: string, peerId: string): Map<string, SwarmPeer> {
    // A stream restarted on this socket comes back with a new id: the old one goes.
    if (peer.peerIds.has(infoHash) && peer.peerIds.get(infoHash) !== peerId) this.leave(peer, infoHash);
    let swarm = this.swarms.get(infoHash);
    if (!swarm) {
      swarm = new Map();
      this.swarms.set(infoHash, swarm);
    }
    swarm.set(peerId, peer);
    peer.peerIds.set(infoHash, peerId);
    return swarm;
  }

  private relayOffers(peer: SwarmPeer, swarm: Map<string, SwarmPeer>, message: AnnounceMessage): void {
    const offers = message.offers ?? [];
    if (offers.length === 0) return;
    const others = [...swarm.values()].filter((p) => p !== peer);
    const count = Math.min(offers.length, others.length, this.options.maxOffersRelayed);
    for (let i = 0; i < count; i++) {
      // Partial Fisher-Yates: each offer goes to a different random member.
      const j = i + Math.floor(this.random() * (others.length - i));
      [others[i], others[j]] = [others[j]!, others[i]!];
      const { offer, offer_id } = offers[i]!;
      others[i]!.send({ action: 'announce', info_hash: message.info_hash, peer_id: message.peer_id, offer, offer_id });
    }
  }

  private relayAnswer(message: AnnounceMessage): void {
    const target = message.to_peer_id ? this.swarms.get(message.info_hash)?.get(message.to_peer_id) : undefined;
    if (!target || !message.offer_id) return;
    target.send({
      action: 'announce',
      info_hash: message.info_hash,
      peer_id: message.peer_id,
      answer: message.answer,
      offer_id: message.offer_id,
    });
  }
}
