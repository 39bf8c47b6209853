using Pipeline.Actors.Cleaning;
using Pipeline.Actors.Records;
using Xunit;

namespace Pipeline.Actors.Tests.Cleaning;

public sealed class CoordinateRangeTests
{
    [Theory]
    [InlineData(-88.8298, -170.188)]
    [InlineData(90.0, 180.0)]
    [InlineData(-90.0, -180.0)]
    [InlineData(0.0, 0.0)]
    public void Keeps_latitude_first_within_range(double latitude, double longitude)
    {
        Assert.Equal(new Coordinates(latitude, longitude), CoordinateRange.Check(latitude, longitude, out var issue));
        Assert.Null(issue);
    }

    [Theory]
    [InlineData(90.0001, 0.0)]
    [InlineData(-90.5, 0.0)]
    [InlineData(0.0, 180.0001)]
    [InlineData(0.0, -181.0)]
    [InlineData(-170.188, -88.8298)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    public void Either_part_out_of_range_nulls_the_pair(double latitude, double longitude)
    {
        Assert.Null(CoordinateRange.Check(latitude, longitude, out var issue));
        Assert.Equal(FieldIssueReasons.OutOfRange, issue);
    }

    [Fact]
    public void Half_a_position_is_missing()
    {
        Assert.Null(CoordinateRange.Check(10.0, null, out var issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
        Assert.Null(CoordinateRange.Check(null, 10.0, out issue));
        Assert.Equal(FieldIssueReasons.Missing, issue);
    }
}
