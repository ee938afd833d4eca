import { buildHlsLadderArgs, buildTranscodingPlan, probeFile } from '@shoal/ffmpeg';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
(async () => {
  const clip = process.env.CLIP ?? '/work/main/.tmp/bench/source-1080p30-10s.mp4';
  const p = await probeFile(clip);
  const plan = buildTranscodingPlan(p, {
    enabledResolutions: [1080, 720, 480, 360, 240],
    keepOriginalResolution: true,
    fpsMax: 60,
    audioOnly: false,
  });
  const mode = process.argv[2];
  const groups = mode === 'one' ? [plan.renditions] : mode === 'decode' ? [] : plan.renditions.map((r) => [r]);
  if (mode === 'decode') {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'ffmpeg', '-loglevel', 'error', '-i', clip, '-f', 'null', '-'], {
      encoding: 'utf8',
    });
    console.log('decode', r.stderr.trim());
  }
  for (const g of groups) {
    rmSync('/tmp/exp/d', { recursive: true, force: true });
    mkdirSync('/tmp/exp/d');
    const { args } = buildHlsLadderArgs({
      inputPath: clip,
      outputDir: '/tmp/exp/d',
      renditions: g,
      preset: (process.env.PRESET as 'veryfast') ?? 'veryfast',
      copyAudio: plan.copyAudio,
      threads: process.env.THREADS ? Number(process.env.THREADS) : undefined,
    });
    if (process.env.GRAPH) {
      const i = args.indexOf('-filter_complex');
      args[i + 1] = process.env.GRAPH;
    }
    const extra = process.env.EXTRA ? process.env.EXTRA.split(' ') : [];
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'ffmpeg', '-loglevel', 'error', ...extra, ...args], { encoding: 'utf8' });
    console.log(g.map((x) => x.resolution).join(','), r.stderr.trim().split('\n').slice(-1)[0]);
  }
})();
