using Akka.Configuration;
using Pipeline.Actors.Lake;
using Xunit;

namespace Pipeline.Actors.Tests.Lake;

public sealed class LakeStoresTests
{
    private static readonly LakeSettings Defaults = LakeSettings.FromConfig(ConfigurationFactory.Empty);

    [Fact]
    public void The_configured_store_is_a_folder_by_default_and_S3_when_asked()
    {
        Assert.Equal(Path.GetFullPath("data/lake"), Assert.IsType<FolderLakeStore>(LakeStores.Create(Defaults)).Location);
        using var s3 = Assert.IsType<S3LakeStore>(LakeStores.Create(Defaults with { Store = LakeStoreKind.S3, S3 = Defaults.S3 with { Bucket = "b", Prefix = "p/q" } }));
        Assert.Equal("s3://b/p/q", s3.Location);
    }

    [Theory]
    [InlineData("s3://bucket", "s3://bucket")]
    [InlineData("s3://bucket/", "s3://bucket")]
    [InlineData("S3://bucket/lake/v1/", "s3://bucket/lake/v1")]
    public void A_location_names_a_bucket_and_prefix(string location, string expected)
    {
        using var store = Assert.IsType<S3LakeStore>(LakeStores.ForLocation(location, Defaults));
        Assert.Equal(expected, store.Location);
    }

    [Fact]
    public void Any_other_location_is_a_folder_and_a_bucket_is_required()
    {
        Assert.Equal(Path.GetFullPath("some/lake"), Assert.IsType<FolderLakeStore>(LakeStores.ForLocation("some/lake", Defaults)).Location);
        Assert.Throws<ArgumentException>(() => LakeStores.ForLocation("s3:///prefix", Defaults));
    }

    [Fact]
    public async Task A_folder_key_cannot_leave_the_lake()
    {
        var store = new FolderLakeStore(Path.Combine(Path.GetTempPath(), "lake-escape-" + Guid.NewGuid().ToString("N")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("../outside.json", new byte[] { 1 }));
    }
}
