package city.trace.anchor;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import city.trace.chain.contract.ChainNode;
import city.trace.chain.contract.ChainRequestException;
import city.trace.chain.contract.GasSettings;
import city.trace.chain.contract.Member;
import city.trace.chain.contract.ProvenanceRegistry;
import city.trace.chain.contract.TransactionSigner;
import city.trace.anchor.AnchorConfig;
import city.trace.chain.ChainConfig;
import city.trace.org.Organization;
import city.trace.org.OrganizationService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * This node's footing on the chain: its own signer and each organisation's, the ProvenanceRegistry (deployed at
 * first start when none is configured, and remembered), and every anchoring account's nonce, which the database
 * keeps.
 */
@ApplicationScoped
public class AnchorChain {

    private static final Logger LOG = Logger.getLogger(AnchorChain.class);
    private static final long SETUP_GAS = 4_000_000;
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(2);

    @Inject
    Web3j web3j;

    @Inject
    ChainConfig chain;

    @Inject
    AnchorConfig config;

    @Inject
    AgroalDataSource db;

    @Inject
    OrganizationService organizations;

    @Inject
    RegistryMigration migration;

    /** The organisations' signers by organisation id, each loaded (and its nonce reconciled) once. */
    private final Map<Long, TransactionSigner> signers = new ConcurrentHashMap<>();
    private volatile TransactionSigner signer;
    private volatile ProvenanceRegistry registry;
    private volatile ChainNode node;

    /**
     * Connects to the chain once: checks its id, finds or deploys the registry (replacing one from before governance,
     * whose rounds move to it), reconciles the nonce.
     *
     * @throws ChainRequestException when the node cannot be reached (try again later)
     * @throws IllegalStateException when the configuration is wrong (no key, another chain)
     */
    public synchronized void ensureReady() {
        if (registry != null) {
            return;
        }
        ChainNode chainNode = new ChainNode(web3j);
        long chainId = chainNode.chainId();
        if (chainId != chain.chainId()) {
            throw new IllegalStateException("The chain node at " + chain.rpcUrl() + " is on chain " + chainId
                    + ", not the configured " + chain.chainId());
        }
        TransactionSigner account = new TransactionSigner(AnchorKeys.load(config), chainId);
        node = chainNode;
        signer = account;
        reconcileNonce(account);
        String contract = contractAddress(chainId);
        migration.moveLegacyRounds(contract);
        registry = new ProvenanceRegistry(web3j, contract);
        if (!registry.isMember(signer.address())) {
            LOG.warnf("Account %s is not a member of the registry %s: its anchors will be refused until the "
                    + "members vote it in", signer.address(), registry.address());
        }
        LOG.infof("Anchoring on chain %d with registry %s from %s", chainId, registry.address(), signer.address());
    }

    public ProvenanceRegistry registry() {
        return registry;
    }

    public TransactionSigner signer() {
        return signer;
    }

    public ChainNode node() {
        return node;
    }

    /**
     * The account that anchors the rounds of an organisation (null: this node's own account). Its key is loaded
     * once: the organisation's stored chain address is made to name that account, its nonce is reconciled, and on
     * local chains an account the registry has never seen is proposed by this node.
     *
     * @throws IllegalStateException ({@code AnchorKeys.Unavailable}) when no key for the organisation is configured or it cannot be opened
     */
    public TransactionSigner signerOf(Long organizationId) {
        if (organizationId == null) {
            return signer;
        }
        TransactionSigner known = signers.get(organizationId);
        if (known != null) {
            return known;
        }
        Organization org = organizations.find(organizationId);
        TransactionSigner account = new TransactionSigner(AnchorKeys.forOrganization(config.keys(), org), signer.chainId());
        if (!account.address().equalsIgnoreCase(org.chainAddress)) {
            LOG.infof("%s anchors from %s (its stored account was %s)", org.name, account.address(), org.chainAddress);
            organizations.anchorsFrom(org.id, Keys.toChecksumAddress(account.address()));
        }
        reconcileNonce(account);
        if (config.keys().admitNewAccounts() && registry.memberInfo(account.address()).isEmpty()
                && registry.openAdmissionOf(account.address(), node().latestBlockTime()).isEmpty()) {
            // not waited for: the organisation's rounds wait for its membership, and the accounts of many new
            // organisations are admitted in the same block rather than one block each
            String proposal = submitAs(signer, (reg, node, nonce, gas) -> reg.proposeAdmission(node, nonce, gas,
                    new Member(account.address(), org.name, Member.companyPrefixHash(org.gs1CompanyPrefix))));
            LOG.infof("Proposed %s's account %s for the registry (transaction %s)", org.name, account.address(),
                    proposal);
        }
        signers.put(organizationId, account);
        return account;
    }

    /**
     * The account of an organisation's key on this node (its keystore, or the dev mnemonic's key for its id),
     * without taking it into use: e.g. to propose the organisation for admission.
     *
     * @throws IllegalStateException ({@code AnchorKeys.Unavailable}) when no key for the organisation is configured or it cannot be opened
     */
    public String accountOf(Organization org) {
        return Keys.toChecksumAddress(AnchorKeys.forOrganization(config.keys(), org).getAddress());
    }

    /** A transaction an account sends as a member, e.g. a proposal or a vote. */
    @FunctionalInterface
    public interface MemberTransaction {
        /** Signs and sends; returns the transaction hash. */
        String send(ProvenanceRegistry registry, TransactionSigner member, BigInteger nonce, GasSettings gas);
    }

    /** {@link #sendAs} this node's own account. */
    public TransactionReceipt sendFromNode(MemberTransaction transaction) {
        return sendAs(signer, transaction);
    }

    /**
     * Sends a transaction from an anchoring account (see {@link #submitAs}) and waits until it succeeded.
     *
     * @throws city.trace.chain.contract.ContractRevertException naming the contract's reason when it refused
     */
    public TransactionReceipt sendAs(TransactionSigner account, MemberTransaction transaction) {
        return registry.requireSuccess(registry.awaitReceipt(submitAs(account, transaction), SETUP_TIMEOUT));
    }

    /**
     * Sends a transaction from an anchoring account with its next nonce from the database (the anchoring worker's
     * count stays right); returns its hash without waiting for a block. The nonce is taken only once the node
     * accepted the transaction: one taken for a transaction never sent would leave a gap every later one waits
     * behind. It is committed apart from a caller's transaction (suspended meanwhile): the sent transaction used it,
     * whatever the caller does next.
     */
    public String submitAs(TransactionSigner account, MemberTransaction transaction) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                String sent = transaction.send(registry, account, BigInteger.valueOf(takeNonce(c, account.address())),
                        gas(BigInteger.valueOf(SETUP_GAS)));
                c.commit();
                return sent;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not take a nonce", e);
            }
        });
    }

    /** Gas settings for {@code gasLimit}: free on free-gas chains (QBFT with zero base fee), else the node's fees. */
    public GasSettings gas(BigInteger gasLimit) {
        return GasSettings.suggestedBy(web3j, gasLimit.longValueExact());
    }

    /**
     * Makes the stored nonce of an account agree with the node: when the node counts more transactions (the
     * account was used elsewhere, or a stored transaction was mined), the node wins; when the database is ahead,
     * the stored transactions the node lost are sent again by the worker, so the database keeps its count.
     */
    public void reconcileNonce(TransactionSigner account) {
        long onNode = node.pendingNonce(account.address()).longValueExact();
        try (Connection c = db.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                insert into anchor_account (chain_id, address, next_nonce) values (?, ?, ?)
                on conflict (chain_id, address) do update set next_nonce = greatest(anchor_account.next_nonce, excluded.next_nonce)
                """)) {
            upsert.setLong(1, account.chainId());
            upsert.setString(2, account.address());
            upsert.setLong(3, onNode);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the anchoring nonce", e);
        }
    }

    /**
     * Takes the next nonce of an anchoring account (each has its own track), within the caller's transaction:
     * the transaction signed with it must be stored in that same transaction.
     */
    public long takeNonce(Connection c, String address) throws SQLException {
        try (PreparedStatement take = c.prepareStatement("update anchor_account set next_nonce = next_nonce + 1 "
                + "where chain_id = ? and address = ? returning next_nonce - 1")) {
            take.setLong(1, signer.chainId());
            take.setString(2, address);
            try (ResultSet rs = take.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No nonce kept for " + address);
                }
                return rs.getLong(1);
            }
        }
    }

    private String contractAddress(long chainId) {
        if (config.contract().isPresent()) {
            String configured = config.contract().get();
            if (!node.hasCode(configured)) {
                throw new IllegalStateException("No contract at the configured registry address " + configured);
            }
            if (!new ProvenanceRegistry(web3j, configured).isGoverned()) {
                throw new IllegalStateException("The configured registry " + configured + " predates governance (an "
                        + "administrator admits its members): configure a governed one (README, \"Governance\"); its "
                        + "rounds are anchored there again");
            }
            return configured;
        }
        Optional<String> remembered = rememberedContract(chainId);
        if (remembered.isPresent() && node.hasCode(remembered.get())) {
            if (new ProvenanceRegistry(web3j, remembered.get()).isGoverned()) {
                return remembered.get();
            }
            LOG.warnf("The registry %s remembered for chain %d predates governance; deploying a governed one, where "
                    + "the rounds anchored in the old one are anchored again", remembered.get(), chainId);
            return deploy(chainId);
        }
        remembered.ifPresent(address -> LOG.warnf("The registry %s remembered for chain %d is gone from the chain "
                + "(was the local chain reset?); deploying a new one", address, chainId));
        return deploy(chainId);
    }

    /**
     * Deploys a registry whose one genesis member is this node, threshold 1 (it admits further members alone
     * until the members raise the threshold by vote), and remembers its address.
     */
    private String deploy(long chainId) {
        ProvenanceRegistry deployed;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            deployed = ProvenanceRegistry.deploy(web3j, signer,
                    List.of(Member.consortiumNode(signer.address())), 1,
                    BigInteger.valueOf(takeNonce(c, signer.address())), gas(BigInteger.valueOf(SETUP_GAS)), SETUP_TIMEOUT).registry();
            try (PreparedStatement remember = c.prepareStatement("insert into anchor_contract (chain_id, address) "
                    + "values (?, ?) on conflict (chain_id) do update set address = excluded.address, deployed_at = now()")) {
                remember.setLong(1, chainId);
                remember.setString(2, deployed.address());
                remember.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remember the deployed registry", e);
        }
        LOG.infof("Deployed the ProvenanceRegistry at %s on chain %d", deployed.address(), chainId);
        return deployed.address();
    }

    private Optional<String> rememberedContract(long chainId) {
        try (Connection c = db.getConnection();
                PreparedStatement query = c.prepareStatement("select address from anchor_contract where chain_id = ?")) {
            query.setLong(1, chainId);
            ResultSet rs = query.executeQuery();
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
