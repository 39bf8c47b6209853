using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Host.Configuration;
using Xunit;

namespace Pipeline.Host.Tests.Deploy;

/// <summary>
/// The Kubernetes manifests and the Dockerfile, checked by tools/validate-k8s.mjs (schemas,
/// references, the engine's cluster wiring), and the ConfigMap of hocon/ layers against hocon/.
/// </summary>
public class ManifestTests
{
    private static readonly string Repo = FindRepo();
    private static readonly string Copies = Path.Combine(Repo, "deploy", "k8s", "base", "hocon");

    [Fact]
    public void The_manifests_and_the_Dockerfile_validate()
    {
        var (exitCode, output) = Validate(Repo);

        Assert.True(exitCode == 0, $"tools/validate-k8s.mjs exited {exitCode}:\n{output}");
    }

    [Fact]
    public void A_field_of_the_wrong_type_fails_validation()
    {
        var copy = CopyOfDeployment();
        try
        {
            var statefulSet = Path.Combine(copy, "deploy", "k8s", "base", "statefulset.yaml");
            File.WriteAllText(statefulSet, File.ReadAllText(statefulSet).Replace("replicas: 3", "replicas: three"));

            var (exitCode, output) = Validate(copy);

            Assert.Equal(1, exitCode);
            Assert.Contains("StatefulSet/pipeline (deploy/k8s/base/statefulset.yaml): /spec/replicas must be integer", output);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void The_hocon_ConfigMap_holds_every_hocon_file_byte_for_byte()
    {
        var originals = ConfFiles(Path.Combine(Repo, "hocon"));

        Assert.Equal(originals, ConfFiles(Copies));
        foreach (var name in originals)
            Assert.True(
                File.ReadAllBytes(Path.Combine(Repo, "hocon", name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Copies, name))),
                $"deploy/k8s/base/hocon/{name} differs from hocon/{name}: run deploy/k8s/sync-config.sh");
        Assert.Equal(originals, GeneratedFiles());
    }

    [Fact]
    public void The_pods_own_layer_loads_over_the_defaults()
    {
        var config = EngineConfig.Load(Path.Combine(Repo, "deploy", "k8s", "base", "kubernetes.conf"), journal: "sqlite");

        Assert.Equal("/var/lib/pipeline", config.GetString("pipeline.run.data-dir"));
        Assert.Equal(TimeSpan.FromSeconds(30), config.GetTimeSpan("pipeline.run.progress-interval"));
    }

    [Fact]
    public void The_pods_pick_the_postgres_journal_and_set_the_variable_its_connection_string_comes_from()
    {
        var env = File.ReadAllText(Path.Combine(Repo, "deploy", "k8s", "base", "statefulset.yaml")).ReplaceLineEndings("\n");

        Assert.Contains("- name: PIPELINE_JOURNAL\n              value: postgres\n", env);
        Assert.Contains($"- name: {EngineConfig.PostgresConnectionVariable}\n", env);
    }

    [Fact]
    public void The_grace_period_outlasts_every_shutdown_phase_of_the_configuration()
    {
        var config = EngineConfig.Load(Path.Combine(Repo, "deploy", "k8s", "base", "kubernetes.conf"), journal: "sqlite");
        var leave = ClusterSettings.FromConfig(config, _ => null).LeaveTimeout;
        var statefulSet = File.ReadAllText(Path.Combine(Repo, "deploy", "k8s", "base", "statefulset.yaml"));
        var grace = Regex.Match(statefulSet, @"^\s*terminationGracePeriodSeconds:\s*(\d+)\s*$", RegexOptions.Multiline);

        Assert.True(grace.Success, "statefulset.yaml sets no terminationGracePeriodSeconds");
        Assert.True(TimeSpan.FromSeconds(int.Parse(grace.Groups[1].Value)) > leave,
            $"terminationGracePeriodSeconds {grace.Groups[1].Value} must exceed the {leave.TotalSeconds} s the shutdown phases may take");
    }

    private static string[] ConfFiles(string folder) =>
        Directory.GetFiles(folder, "*.conf").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    // The `files:` list that sync-config.sh writes under the pipeline-hocon generator.
    private static string[] GeneratedFiles() =>
        File.ReadAllLines(Path.Combine(Copies, "kustomization.yaml"))
            .SkipWhile(line => line.Trim() != "files:").Skip(1)
            .Select(line => line.Trim())
            .TakeWhile(line => line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => line[2..])
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static (int ExitCode, string Output) Validate(string repo)
    {
        InstallTools();
        return Run("node", [Path.Combine(repo, "tools", "validate-k8s.mjs")], repo, TimeSpan.FromMinutes(2));
    }

    private static readonly Lazy<bool> Installed = new(() =>
    {
        var tools = Path.Combine(Repo, "tools");
        var (exitCode, output) = File.Exists(Path.Combine(tools, "install.sh"))
            ? Run("bash", [Path.Combine(tools, "install.sh")], tools, TimeSpan.FromMinutes(5))
            : Directory.Exists(Path.Combine(tools, "node_modules", "kubernetes-models"))
                ? (0, "")
                : Run("npm", ["ci", "--no-audit", "--no-fund"], tools, TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"installing tools/ failed:\n{output}");
        return true;
    });

    private static void InstallTools() => _ = Installed.Value;

    // What validate-k8s.mjs reads, in a scratch folder, with the installed packages linked in.
    private static string CopyOfDeployment()
    {
        var copy = Directory.CreateTempSubdirectory("pipeline-deploy-").FullName;
        foreach (var folder in new[] { "deploy", "hocon", Path.Combine("tools", "k8s") })
            CopyFolder(Path.Combine(Repo, folder), Path.Combine(copy, folder));
        File.Copy(Path.Combine(Repo, "Dockerfile"), Path.Combine(copy, "Dockerfile"));
        File.Copy(Path.Combine(Repo, "tools", "validate-k8s.mjs"), Path.Combine(copy, "tools", "validate-k8s.mjs"));
        InstallTools();
        Directory.CreateSymbolicLink(Path.Combine(copy, "tools", "node_modules"), Path.Combine(Repo, "tools", "node_modules"));
        return copy;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from))
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran longer than {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no Pipeline.sln above {AppContext.BaseDirectory}");
    }
}
