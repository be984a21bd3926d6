using System.Numerics;
using Enc.Crypto.Bls;
using BlsApi = Enc.Crypto.Bls.Bls;

namespace Enc.Crypto.Tests.Bls;

/// <summary>
/// KeyGen (draft-irtf-cfrg-bls-signature-04 §2.3). EIP-2333's <c>derive_master_SK</c> is that
/// KeyGen with an empty <c>key_info</c>, so its published master keys are known answers.
/// Source: EIP-2333 "Test Cases" (https://eips.ethereum.org/EIPS/eip-2333), cases 0 and 1.
/// </summary>
public sealed class BlsKeyGenTests
{
    [Theory]
    [InlineData(
        "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
        "6083874454709270928345386274498605044986640685124978867557563392430687146096")]
    [InlineData(
        "3141592653589793238462643383279502884197169399375105820974944592",
        "29757020647961307431480504535336562678282505419141012933316116377660817309383")]
    public void KeyGenMatchesEip2333MasterKeys(string seedHex, string expectedDecimal)
    {
        byte[] sk = BlsApi.KeyGen(Convert.FromHexString(seedHex));

        Assert.Equal(BlsApi.SecretKeyLength, sk.Length);
        Assert.Equal(BigInteger.Parse(expectedDecimal), new BigInteger(sk, isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void KeyInfoChangesTheKey()
    {
        byte[] ikm = new byte[32];
        Assert.NotEqual(BlsApi.KeyGen(ikm), BlsApi.KeyGen(ikm, "enc node 1"u8));
        Assert.Equal(BlsApi.KeyGen(ikm, "enc node 1"u8), BlsApi.KeyGen(ikm, "enc node 1"u8));
    }

    [Fact]
    public void ShortKeyMaterialIsRejected()
    {
        var error = Assert.Throws<BlsException>(() => BlsApi.KeyGen(new byte[31]));
        Assert.Equal(BlsErrorCode.KeyMaterialTooShort, error.Code);
        Assert.Equal("ikm", error.ParamName);
    }

    [Fact]
    public void OutOfRangeSecretKeysAreRejected()
    {
        byte[] order = Convert.FromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
        byte[] orderMinusOne = (byte[])order.Clone();
        orderMinusOne[^1] = 0;

        Assert.Equal(BlsErrorCode.InvalidSecretKey, Assert.Throws<BlsException>(() => BlsApi.SkToPk(new byte[32])).Code);
        Assert.Equal(BlsErrorCode.InvalidSecretKey, Assert.Throws<BlsException>(() => BlsApi.SkToPk(order)).Code);
        Assert.Equal(BlsErrorCode.InvalidSecretKey, Assert.Throws<BlsException>(() => BlsApi.Sign(new byte[31], "m"u8)).Code);
        Assert.Equal(BlsErrorCode.InvalidSecretKey, Assert.Throws<BlsException>(() => BlsApi.PopProve(Enumerable.Repeat((byte)0xff, 32).ToArray())).Code);
        Assert.True(BlsApi.KeyValidate(BlsApi.SkToPk(orderMinusOne)));
    }

    [Fact]
    public void KeyValidateRejectsInfinityAndGarbage()
    {
        byte[] infinity = new byte[48];
        infinity[0] = 0xc0;

        Assert.False(BlsApi.KeyValidate(infinity));
        Assert.False(BlsApi.KeyValidate(new byte[48]));
        Assert.False(BlsApi.KeyValidate(new byte[47]));
    }
}
