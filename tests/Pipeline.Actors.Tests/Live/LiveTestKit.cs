namespace Pipeline.Actors.Tests.Live;

/// <summary>A test kit whose actor system keeps live state in a SQLite journal file of its own,
/// deleted after the tests of the class.</summary>
public abstract class LiveTestKit : Akka.TestKit.Xunit2.TestKit
{
    private readonly string _databasePath;

    /// <param name="overrides">HOCON over the live test configuration.</param>
    protected LiveTestKit(string overrides = "")
        : this(LiveTestSystem.NewDatabasePath(), overrides)
    {
    }

    private LiveTestKit(string databasePath, string overrides)
        : base(LiveTestSystem.Setup(databasePath, overrides), "pipeline") => _databasePath = databasePath;

    protected override void AfterAll()
    {
        base.AfterAll();
        File.Delete(_databasePath);
    }
}
