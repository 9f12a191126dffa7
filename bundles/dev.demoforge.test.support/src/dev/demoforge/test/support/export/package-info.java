/**
 * Test kit for dataset exporters (docs/exporter-sdk.md): a deterministic {@link
 * dev.demoforge.test.support.export.SyntheticEpisode}, the DS lookup {@link
 * dev.demoforge.test.support.export.ExporterServices}, the {@link dev.demoforge.test.support.export.ExportBenchmark}
 * harness (export speed against a raw-copy baseline), {@link dev.demoforge.test.support.export.ReaderProcess} for
 * running independent readers, the checks every exporter must pass in {@link
 * dev.demoforge.test.support.export.ExporterContract} and the cancelling monitor {@link
 * dev.demoforge.test.support.export.CancelAfter} (since 0.2).
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.demoforge.test.support.export;
