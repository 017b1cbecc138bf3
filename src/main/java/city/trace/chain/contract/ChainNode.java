package city.trace.chain.contract;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * What an anchoring worker asks a chain node besides contract calls: blocks, nonces, whether a transaction
 * is known. Errors follow the bindings' policy ({@link ChainRequestException}).
 */
public final class ChainNode {

    /** A block as far as anchoring cares: its number, hash and time. */
    public record Block(long number, String hash, Instant time) {
    }

    private final Web3j web3j;
    private final ContractRpc rpc;

    public ChainNode(Web3j web3j) {
        this.web3j = web3j;
        this.rpc = new ContractRpc(web3j, new RevertDecoder(List.of()));
    }

    public long chainId() {
        return rpc.execute(web3j.ethChainId()).getChainId().longValueExact();
    }

    public long latestBlockNumber() {
        return rpc.execute(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    /** The time of the latest block: the chain's clock, which contracts' deadlines follow. */
    public Instant latestBlockTime() {
        return blockTime(latestBlockNumber());
    }

    /** The time of block {@code number}; the local clock's beyond the chain's head. */
    public Instant blockTime(long number) {
        return block(number).map(Block::time).orElseGet(Instant::now);
    }

    /** The block at {@code number} on the node's current chain, or empty beyond its head. */
    public Optional<Block> block(long number) {
        EthBlock.Block block = rpc.execute(web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)).getBlock();
        return Optional.ofNullable(block).map(b -> new Block(b.getNumber().longValueExact(), b.getHash(),
                Instant.ofEpochSecond(b.getTimestamp().longValueExact())));
    }

    /** The nonce the account's next transaction needs, counting transactions still in the node's pool. */
    public BigInteger pendingNonce(String account) {
        return rpc.execute(web3j.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING)).getTransactionCount();
    }

    /** Whether the node knows the transaction at all: mined, or waiting in its pool. */
    public boolean knows(String transactionHash) {
        return rpc.execute(web3j.ethGetTransactionByHash(transactionHash)).getTransaction().isPresent();
    }

    /** Whether a contract is deployed at {@code address}. */
    public boolean hasCode(String address) {
        String code = rpc.execute(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST)).getCode();
        return code != null && !code.equals("0x") && !code.isEmpty();
    }
}
