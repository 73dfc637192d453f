// onnxruntime-node checks `data instanceof Float32Array` against the host realm;
// jest's vm sandbox has its own typed-array constructors, so share the host's.
const { TestEnvironment } = require('jest-environment-node');

const shared = [
  'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array',
  'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array',
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
];

class NodeTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of shared) this.global[name] = globalThis[name];
  }
}

module.exports = NodeTypedArraysEnvironment;
