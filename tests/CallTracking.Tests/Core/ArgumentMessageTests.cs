using CallTracking.Core.Validation;

namespace CallTracking.Tests.Core;

/// <summary>
/// The message names the parameter itself; ArgumentException.Message would add the runtime's own suffix
/// (" (Parameter 'X')" here, "\r\nParameter name: X" on .NET Framework, so in Windows PowerShell 5.1).
/// </summary>
public class ArgumentMessageTests
{
    [Fact]
    public void The_message_has_no_runtime_parameter_suffix()
    {
        var e = new CallTrackingArgumentException("Country", "XX", "US");
        Assert.Equal("-Country cannot be 'XX': allowed is US.", e.Message);
        Assert.Equal("Country", e.ParamName);
        Assert.DoesNotContain("Parameter", e.Message);
    }
}
