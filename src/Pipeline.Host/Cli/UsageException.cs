namespace Pipeline.Host.Cli;

/// <summary>The command line was wrong: reported as one line and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
