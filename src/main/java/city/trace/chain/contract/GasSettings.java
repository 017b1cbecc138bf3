package city.trace.chain.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import org.web3j.protocol.Web3j;

/**
 * Gas limit and EIP-1559 fees of a transaction. Consortium chains like Besu QBFT (and anvil with
 * {@code --base-fee 0 --gas-price 0}) have free gas: both fees 0.
 */
public record GasSettings(BigInteger gasLimit, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) {

    public GasSettings {
        Objects.requireNonNull(gasLimit);
        Objects.requireNonNull(maxPriorityFeePerGas);
        Objects.requireNonNull(maxFeePerGas);
    }

    public static GasSettings free(long gasLimit) {
        return new GasSettings(BigInteger.valueOf(gasLimit), BigInteger.ZERO, BigInteger.ZERO);
    }

    /**
     * Free gas when the latest block's base fee is 0 (a consortium chain's setting: accounts there may hold no
     * ether, and nodes still suggest a tip). Otherwise the node's suggested tip, and a fee cap of twice the base
     * fee plus the tip: room for six full blocks of base-fee rises.
     */
    public static GasSettings suggestedBy(Web3j web3j, long gasLimit) {
        ContractRpc rpc = new ContractRpc(web3j, new RevertDecoder(List.of()));
        BigInteger baseFee = rpc.latestBaseFee();
        if (baseFee.signum() == 0) {
            return free(gasLimit);
        }
        BigInteger tip = rpc.maxPriorityFeePerGas();
        return new GasSettings(BigInteger.valueOf(gasLimit), tip, baseFee.shiftLeft(1).add(tip));
    }

    public GasSettings withGasLimit(BigInteger newGasLimit) {
        return new GasSettings(newGasLimit, maxPriorityFeePerGas, maxFeePerGas);
    }
}
