using System.Runtime.InteropServices;

namespace Pipeline.Actors.Sources.Kafka;

/// <summary>
/// The librdkafka native library that Confluent.Kafka itself loaded. The package ships several
/// builds (on Debian the default one lacks libsasl2 and Confluent.Kafka falls back to another), and
/// the mock cluster must live in the same copy as the clients, so this never picks a file of its own.
/// </summary>
internal static class LoadedLibrdkafka
{
    private static readonly Lazy<IntPtr> LibraryHandle = new(Load);

    public static IntPtr Handle => LibraryHandle.Value;

    public static TDelegate Function<TDelegate>(string name) where TDelegate : Delegate =>
        Marshal.GetDelegateForFunctionPointer<TDelegate>(NativeLibrary.GetExport(Handle, name));

    private static IntPtr Load()
    {
        // Reading the version makes Confluent.Kafka load its native library if it has not yet.
        _ = Confluent.Kafka.Library.Version;

        var mapped = MappedLibraryPath();
        if (mapped is not null)
        {
            return NativeLibrary.Load(mapped);
        }

        // Without /proc (macOS, Windows) probe the names Confluent.Kafka probes, in its order,
        // through the same resolver its own DllImports use.
        foreach (var name in new[] { "librdkafka", "centos8-librdkafka", "alpine-librdkafka" })
        {
            if (NativeLibrary.TryLoad(name, typeof(Confluent.Kafka.Library).Assembly, null, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException("The librdkafka library loaded by Confluent.Kafka could not be found.");
    }

    /// <summary>The path of the librdkafka file mapped into this process, when the OS tells.</summary>
    private static string? MappedLibraryPath()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }

        foreach (var line in File.ReadLines(maps))
        {
            var slash = line.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }

            var path = line[slash..];
            var file = Path.GetFileName(path);
            if (file.EndsWith("librdkafka.so", StringComparison.Ordinal) || file.StartsWith("librdkafka.so.", StringComparison.Ordinal))
            {
                return path;
            }
        }

        return null;
    }
}
