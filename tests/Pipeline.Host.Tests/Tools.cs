using System.Diagnostics;

namespace Pipeline.Host.Tests;

/// <summary>The npm tools under <c>tools/</c>, installed by <c>tools/install.sh</c> when missing.</summary>
public static class Tools
{
    private static readonly Lazy<string> Installed = new(Install);

    /// <summary>The tools folder, with its npm packages installed.</summary>
    public static string Folder => Installed.Value;

    public static async Task<(int Exit, string Output, string Error)> Node(string script, params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string Install()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var tools = Path.Combine(folder.FullName, "tools");
            if (!File.Exists(Path.Combine(tools, "install.sh")))
                continue;
            using var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(tools, "install.sh")]))!;
            install.WaitForExit();
            if (install.ExitCode != 0)
                throw new InvalidOperationException($"tools/install.sh failed with exit code {install.ExitCode}");
            return tools;
        }

        throw new DirectoryNotFoundException($"no tools/install.sh above {AppContext.BaseDirectory}");
    }
}
