package city.trace.chain.contract;

import java.math.BigInteger;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 transactions of one account for one chain (the chain id is inside every transaction, so it
 * cannot be replayed on another chain). The caller owns the nonce: the anchoring worker keeps it in its database.
 */
public final class TransactionSigner {

    private final Credentials credentials;
    private final long chainId;

    public TransactionSigner(Credentials credentials, long chainId) {
        this.credentials = credentials;
        this.chainId = chainId;
    }

    /** The sending account, 0x-prefixed lowercase hex. */
    public String address() {
        return credentials.getAddress();
    }

    public long chainId() {
        return chainId;
    }

    /** {@code to} is null for a contract creation, whose {@code data} is then the creation bytecode. */
    public SignedTransaction sign(String to, String data, BigInteger nonce, GasSettings gas) {
        RawTransaction transaction = RawTransaction.createTransaction(chainId, nonce, gas.gasLimit(),
                to == null ? "" : to, BigInteger.ZERO, data, gas.maxPriorityFeePerGas(), gas.maxFeePerGas());
        byte[] signed = TransactionEncoder.signMessage(transaction, chainId, credentials);
        return new SignedTransaction(Numeric.toHexString(Hash.sha3(signed)), Numeric.toHexString(signed));
    }
}
